const { TestEnvironment } = require('jest-environment-jsdom');

/** jsdom without fetch cannot reach a server; Taro's H5 request needs it, and app tests use the real server. */
class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, { fetch, Headers, Request, Response, AbortController, AbortSignal });
  }
}

module.exports = JsdomWithFetch;
