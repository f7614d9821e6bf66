// Lint rules, including the layer rules of the architecture: the folder says the layer.
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

/** Modules that do I/O or belong to another process: banned where code must stay pure. */
const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'path',
  'node:path',
  'os',
  'node:os',
  'crypto',
  'node:crypto',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'pg',
  'typeorm',
  'nodemailer',
  'axios',
  'pino',
];
const ioPatterns = [
  '@nestjs/*',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@konvergensi/persistence',
  '@konvergensi/notifications',
  '@konvergensi/reporting',
  '@konvergensi/logging',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'tmp/**', '.data/**', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs', '**/jest.config.js', 'jest.preset.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Workflow code is replayed: deterministic, no I/O, only @temporalio/workflow, libs/domain
    // and libs/contracts (docs/architecture.md, "Projects").
    files: ['workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ioModules, patterns: [...ioPatterns, '@konvergensi/config'] }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use uuid4() or a seed from workflow state.' },
        {
          object: 'Date',
          property: 'now',
          message: 'Workflow time comes from the workflow sandbox; pass instants in.',
        },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'fetch'],
    },
  },
  {
    // A promise nobody awaits in a workflow or an activity is work that may never happen, or an
    // error nobody sees (a rejected activity call, a timer): type-aware rules catch it.
    files: ['workflows/src/**/*.ts', 'apps/worker/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // libs/domain computes: no framework, no I/O.
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ioModules, patterns: [...ioPatterns, '@temporalio/*', '@konvergensi/config', 'zod/*'] },
      ],
      'no-restricted-globals': ['error', 'fetch', 'process'],
    },
  },
  {
    // libs/contracts holds names and types shared across processes, nothing that runs I/O.
    files: ['libs/contracts/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ioModules, patterns: ioPatterns }] },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/valid-expect': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/no-focused-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
    },
  },
);
