const fs = require('node:fs');
const path = require('node:path');

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }] };

/** Domain, functions and the local cloud: run in UTC, as CloudBase runs functions. */
const node = {
  displayName: 'node',
  testEnvironment: '<rootDir>/tests/setup/node-utc-env.js',
  roots: ['<rootDir>/tests/node'],
  setupFiles: ['<rootDir>/tests/setup/tz-utc.ts', '<rootDir>/tests/setup/sdk-env.ts'],
  transform,
};

const pagesProject = path.join(__dirname, 'tests/pages/jest.project.js');
const projects = [node];
if (fs.existsSync(pagesProject)) projects.push(require(pagesProject));

module.exports = {
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  transform,
  testTimeout: 60000,
  projects,
};
