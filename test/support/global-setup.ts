import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret } from 'otpauth';
import type { TestEnvironment } from './environment';

/* eslint-disable @typescript-eslint/no-require-imports -- the provisioning scripts are ESM (.mjs) shared with npm start; Node 20.19+ requires them synchronously. */
const { findOrBuildTemporalCli } = require('../../scripts/lib/temporal-cli.mjs');
const { startTemporalDevServer } = require('../../scripts/lib/temporal-server.mjs');
const { freePort } = require('../../scripts/lib/ports.mjs');
const { migrate } = require('../../scripts/migrate.mjs');
/* eslint-enable @typescript-eslint/no-require-imports */

interface RunningServer {
  stop(): Promise<void>;
}

declare global {
  var konvergensiTestServices: { temporal: RunningServer; databaseUrl: string } | undefined;
}

/**
 * Starts what every cross-process test needs: a Temporal dev server on free ports with a
 * throwaway SQLite file, and a fresh PostgreSQL database with all migrations applied and the
 * demo data seeded (Kota Metro, Kota Dumai, their units and demo users).
 */
export default async function globalSetup(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'konvergensi-test-'));
  const binary: string = findOrBuildTemporalCli({ log: (line: string) => process.stdout.write(`${line}\n`) });
  const temporal = await startTemporalDevServer({
    binary,
    dbFile: join(workDir, 'temporal.db'),
    port: await freePort(),
    uiPort: undefined,
    logFile: join(workDir, 'temporal.log'),
  });

  const server = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/konvergensi_test_${Date.now()}_${process.pid}`;
  const databaseUrl = server.toString();
  await migrate(databaseUrl);
  const demoPassword = `uji-${randomBytes(9).toString('base64url')}`;
  // The API's key for stored authenticator secrets; the seed encrypts the demo users' one with it.
  const authSecret = randomBytes(32).toString('hex');
  const demoMfaSecret = new Secret({ size: 20 }).base32;
  const seeded = spawnSync(process.execPath, [join(__dirname, '..', '..', 'apps', 'api', 'dist', 'seed.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      DEMO_PASSWORD: demoPassword,
      AUTH_SECRET: authSecret,
      DEMO_MFA_SECRET: demoMfaSecret,
    },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seeding the test database failed: ${seeded.stderr}`);

  const environment: TestEnvironment = {
    temporalAddress: temporal.address,
    temporalBinary: binary,
    databaseUrl,
    workDir,
    demoPassword,
    authSecret,
    demoMfaSecret,
  };
  // Jest starts its workers after globalSetup, so they inherit this variable.
  process.env.KONVERGENSI_TEST_ENV = JSON.stringify(environment);
  globalThis.konvergensiTestServices = { temporal, databaseUrl };
}
