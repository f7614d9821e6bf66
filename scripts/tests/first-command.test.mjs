// The first command on a fresh clone: nothing of the workspace is installed when an npm script
// starts, so its entry must load with Node's built-ins alone. These tests run under `node --test`
// (real ESM, no install needed) as the first tier of `npm test`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { root, satisfiesEngine } from '../lib/install.mjs';

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Static `import … from '…'` / `export … from '…'` specifiers of a module (dynamic import() excluded). */
function staticImports(file) {
  const source = readFileSync(file, 'utf8');
  const specifiers = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gms)) {
    specifiers.push(match[1]);
  }
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specifiers.push(match[1]);
  return specifiers;
}

/** Every bare (package) import reachable through static imports from `entry`, with who imports it. */
function packagesReachedStatically(entry) {
  const seen = new Set();
  const packages = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        packages.push(`${specifier} (imported by ${file.slice(root.length + 1)})`);
      }
    }
  };
  visit(entry);
  return packages;
}

test('the bootstrap that every npm script enters imports no installed package before it has installed them', () => {
  assert.deepEqual(packagesReachedStatically(join(root, 'scripts', 'run.mjs')), []);
});

test('the import scan sees the packages a command imports statically (so the check above can fail)', () => {
  const reached = packagesReachedStatically(join(root, 'scripts', 'start.mjs'));
  assert.ok(
    reached.some((entry) => entry.startsWith('pg ')),
    reached.join(', '),
  );
});

test('every npm script that runs a Node script goes through the bootstrap, to a command that exists', () => {
  const scripts = Object.entries(packageJson.scripts);
  assert.ok(scripts.length >= 10);
  for (const [name, command] of scripts) {
    assert.match(command, /^node scripts\/run\.mjs /, `npm run ${name} must start with node scripts/run.mjs`);
    const [target, binary] = command.replace(/^node scripts\/run\.mjs /, '').split(' ');
    if (target === '--exec') {
      assert.ok(
        Object.keys(packageJson.devDependencies).some((dep) => dep === binary || dep.endsWith(`/${binary}`)) ||
          ['tsc', 'jest', 'eslint', 'prettier'].includes(binary),
        `npm run ${name}: ${binary} is not a workspace tool`,
      );
    } else {
      assert.ok(
        existsSync(join(root, 'scripts', `${target}.mjs`)),
        `npm run ${name}: scripts/${target}.mjs is missing`,
      );
    }
  }
});

test('the bootstrap refuses an unknown command with a clear message and exit code 2', () => {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'run.mjs'), 'no-such-command'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no such command: scripts\/no-such-command\.mjs/);
});

test('engine ranges of the form >=X.Y [<Z] are read as npm reads them', () => {
  assert.equal(satisfiesEngine('v20.20.2', '>=20.19'), true);
  assert.equal(satisfiesEngine('v20.19.0', '>=20.19'), true);
  assert.equal(satisfiesEngine('v20.18.3', '>=20.19'), false);
  assert.equal(satisfiesEngine('v22.1.0', '>=20.19 <23'), true);
  assert.equal(satisfiesEngine('v24.0.0', '>=20.19 <23'), false);
  assert.throws(() => satisfiesEngine('v20.0.0', '^20'), /not of the form/);
});

test('the Node running the tests is one that package.json declares', () => {
  assert.equal(satisfiesEngine(process.version, packageJson.engines.node), true);
});

test('installs fail instead of warning when a package does not support this Node', () => {
  assert.match(readFileSync(join(root, '.npmrc'), 'utf8'), /^engine-strict=true$/m);
});

test('every package the lockfile pins from the registry carries an integrity hash (npm ci verifies it)', () => {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const registryPackages = Object.entries(lock.packages).filter(
    ([path, entry]) => path.includes('node_modules/') && !entry.link,
  );
  assert.ok(registryPackages.length > 500);
  const withoutIntegrity = registryPackages
    .filter(([, entry]) => !/^sha512-/.test(entry.integrity ?? ''))
    .map(([path]) => path);
  assert.deepEqual(withoutIntegrity, []);
  const elsewhere = registryPackages
    .filter(([, entry]) => entry.resolved && !entry.resolved.startsWith('https://registry.npmjs.org/'))
    .map(([path, entry]) => `${path} ${entry.resolved}`);
  assert.deepEqual(elsewhere, []);
});
