// Every test project of the workspace; `npm test` runs them all (scripts/test.mjs).
module.exports = {
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/config',
    '<rootDir>/libs/logging',
    '<rootDir>/libs/contracts',
    '<rootDir>/libs/mail-catcher',
    '<rootDir>/libs/persistence',
    '<rootDir>/libs/notifications',
    '<rootDir>/libs/reporting',
    '<rootDir>/workflows',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/apps/web/jest.config.cjs',
    '<rootDir>/test',
  ],
};
