#!/usr/bin/env node
// `npm run build`: every project: TypeScript (project references), the prebuilt workflow bundle,
// the web app. scripts/run.mjs has installed the workspace before this runs.
import { run, step } from './lib/install.mjs';

export function build() {
  step(
    'Building',
    () => {
      run('npx', ['tsc', '-b', 'tsconfig.json']);
      run('node', ['apps/worker/dist/bundle-workflows.js']);
      run('npm', ['run', 'build', '--workspace', '@konvergensi/web', '--silent']);
    },
    { note: 'TypeScript, the workflow bundle, the web app; incremental after the first time' },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) build();
