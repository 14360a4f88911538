// The page-test project (jsdom + miniprogram-simulate, Asia/Shanghai). Listed by the root jest.config.js;
// also runnable alone: HONGLIN_URL=http://127.0.0.1:3000 npx jest -c tests/pages/jest.project.js
const path = require('path');

module.exports = {
  displayName: 'pages',
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/tests/pages', '<rootDir>/tests/miniprogram', '<rootDir>/tests/scripts'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: '<rootDir>/tests/pages/support/jsdom-shanghai.js',
  transform: { '\\.[jt]s$': '<rootDir>/tests/pages/support/esbuild-transform.js' },
  // miniprogram_npm is not node_modules: its ES modules must be transformed too.
  transformIgnorePatterns: ['/node_modules/'],
  // Resolve bare imports the way WeChat does (miniprogram_npm), then node_modules.
  moduleDirectories: ['node_modules', 'miniprogram_npm'],
  // A package only a subpackage carries lives in that subpackage's miniprogram_npm (scripts/mp-npm.ts).
  moduleNameMapper: { '^@qiun/ucharts$': '<rootDir>/miniprogram/package-staff/miniprogram_npm/@qiun/ucharts/index.js' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/tests/setup/tz-shanghai.ts', '<rootDir>/tests/setup/wx.ts'],
  // Real HTTP to the local cloud and the wcc compile take a moment.
  testTimeout: 30_000,
};
