const { TestEnvironment } = require('jest-environment-jsdom');

/**
 * jsdom lacks fetch, which Taro's H5 request uses, and the Node globals the real server needs when an
 * app test starts one in the same process.
 */
class JsdomWithNodeGlobals extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, {
      fetch,
      Headers,
      Request,
      Response,
      AbortController,
      AbortSignal,
      TextEncoder,
      TextDecoder,
      setImmediate,
      clearImmediate,
    });
  }
}

module.exports = JsdomWithNodeGlobals;
