const { project } = require('../jest.preset.js');

// Cross-process tests share one Temporal dev server and one fresh database per run, started in
// globalSetup and removed in globalTeardown. (Jest runs files on cores-1 workers: one here.)
module.exports = project(__dirname, {
  testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/support/setup-timeout.ts'],
});
