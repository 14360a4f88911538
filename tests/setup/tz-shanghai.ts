// Page tests run in Asia/Shanghai. The zone is set on the worker process by the test environment
// (tests/pages/support/jsdom-shanghai.js): assigning process.env.TZ in a setupFile only changes
// jest's sandbox copy of process.env, so Date would silently stay in the worker's zone. This guard
// makes that mistake loud. Files that opt into `@jest-environment node` (no pages) are not checked.
if (typeof document !== 'undefined') {
  const expected = (globalThis as { __HONGLIN_TZ__?: string }).__HONGLIN_TZ__ ?? 'Asia/Shanghai';
  process.env.TZ = expected;
  const actual = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (actual !== expected) {
    throw new Error(
      `page tests must run in ${expected} but Date uses ${actual}: use testEnvironment tests/pages/support/jsdom-shanghai.js`,
    );
  }
}
