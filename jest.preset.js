// Shared Jest settings for every project. NestJS 12 ships ESM only and Jest 30 on Node 20 cannot
// require ESM, so @swc/jest compiles our TypeScript *and* the @nestjs packages to CommonJS
// (docs/architecture.md, "Build and module format").
const path = require('node:path');

const root = __dirname;

/** Workspace packages resolve to their sources in tests, so unit tests need no build. */
const workspaceSources = {
  '^@konvergensi/(domain|config|contracts|logging|persistence|notifications|mail-catcher)$': `${root}/libs/$1/src/index.ts`,
  '^@konvergensi/workflows$': `${root}/workflows/src/index.ts`,
  '^@konvergensi/domain/task-lifecycle$': `${root}/libs/domain/src/tasks/task-lifecycle.ts`,
  '^@konvergensi/domain/aks-stages$': `${root}/libs/domain/src/aks/stage-outputs.ts`,
};

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/** @param {string} dir project folder @param {object} extra */
function project(dir, extra = {}) {
  return {
    displayName: path.relative(root, dir) || 'root',
    rootDir: dir,
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j|mj)sx?$': swcTransform },
    transformIgnorePatterns: [
      '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras)/)',
    ],
    moduleNameMapper: workspaceSources,
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
    ...extra,
  };
}

module.exports = { project, root };
