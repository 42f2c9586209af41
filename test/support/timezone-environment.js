const { TestEnvironment } = require('jest-environment-node');

/**
 * Runs a test file as on a host in another timezone. The test sandbox has its own copy of
 * process.env, so TZ is set here, on the worker's real process, and put back when the file ends.
 */
class TimezoneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const { timezone, expectedOffsetMinutes } = config.projectConfig.testEnvironmentOptions;
    this.previousTimezone = process.env.TZ;
    process.env.TZ = timezone;
    const offset = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
    if (offset !== expectedOffsetMinutes) {
      throw new Error(`TZ=${timezone} did not take effect (UTC offset ${offset} minutes)`);
    }
  }

  async teardown() {
    if (this.previousTimezone === undefined) delete process.env.TZ;
    else process.env.TZ = this.previousTimezone;
    await super.teardown();
  }
}

module.exports = TimezoneEnvironment;
