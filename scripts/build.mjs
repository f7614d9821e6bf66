#!/usr/bin/env node
// Builds every project: TypeScript (project references), the prebuilt workflow bundle, the web app.
import { ensureDependencies, run } from './lib/install.mjs';

export function build() {
  run('npx', ['tsc', '-b', 'tsconfig.json']);
  run('node', ['apps/worker/dist/bundle-workflows.js']);
  run('npm', ['run', 'build', '--workspace', '@konvergensi/web', '--silent']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureDependencies();
  build();
}
