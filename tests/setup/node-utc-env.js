// Node environment with the worker process in UTC, as CloudBase runs functions. The zone must be
// set on the real process: a setupFile only sees jest's copy of process.env.
const { TestEnvironment } = require('jest-environment-node');

class UtcNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    const before = process.env.TZ;
    process.env.TZ = 'UTC';
    super(config, context);
    this.before = before;
  }

  async setup() {
    // Another project's environment may have run in this worker since the constructor.
    process.env.TZ = 'UTC';
    await super.setup();
  }

  async teardown() {
    if (this.before === undefined) delete process.env.TZ;
    else process.env.TZ = this.before;
    await super.teardown();
  }
}

module.exports = UtcNodeEnvironment;
