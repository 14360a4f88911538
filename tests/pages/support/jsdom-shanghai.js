// jsdom with the worker process in Asia/Shanghai, as phones in China are. The zone must be set on the
// real process before the test's Date use: a setupFile only sees jest's copy of process.env.
// A test file may pick another zone with the docblock  @jest-environment-options {"timezone": "…"}.
const { TestEnvironment } = require('jest-environment-jsdom');

class ZonedJsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    const zone = (config.projectConfig.testEnvironmentOptions || {}).timezone || 'Asia/Shanghai';
    const before = process.env.TZ;
    process.env.TZ = zone;
    super(config, context);
    this.zone = zone;
    this.before = before;
    this.global.__HONGLIN_TZ__ = zone;
  }

  async setup() {
    // Another project's environment may have run in this worker since the constructor.
    process.env.TZ = this.zone;
    await super.setup();
  }

  async teardown() {
    // Workers are shared between projects: hand the next test file the zone the worker had.
    if (this.before === undefined) delete process.env.TZ;
    else process.env.TZ = this.before;
    await super.teardown();
  }
}

module.exports = ZonedJsdomEnvironment;
