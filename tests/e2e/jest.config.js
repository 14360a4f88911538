// End-to-end tests: the preview of the mini-program in Debian's Chromium, driven by playwright-core,
// against a local cloud of its own (free port, temporary data). Screenshots go to artifacts/e2e/.
//   npx jest -c tests/e2e/jest.config.js
const path = require('path');

const root = path.resolve(__dirname, '../..');

module.exports = {
  displayName: 'e2e',
  rootDir: root,
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }] },
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  // One browser at a time: two cores are shared with the local cloud's function instances.
  maxWorkers: 1,
  testTimeout: 180_000,
};
