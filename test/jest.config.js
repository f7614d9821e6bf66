const { project } = require('../jest.preset.js');

// Cross-process tests share one Temporal dev server and one fresh database per run, started in
// globalSetup and removed in globalTeardown. Files run one at a time: two cores, real servers.
module.exports = project(__dirname, {
  testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
});
