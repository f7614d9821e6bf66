import 'reflect-metadata';
import { createDataSource } from '@konvergensi/persistence';
import { randomBytes } from 'node:crypto';
import { seedDemo } from './seed/demo-seed';

/**
 * `node apps/api/dist/seed.js`: the demo data of `npm start`. The password of every demo user is
 * DEMO_PASSWORD, or a random one printed here when that is unset. DEMO_MFA_SECRET (with
 * AUTH_SECRET) enrols the admin and AKS demo users with that TOTP secret: for scripted test runs.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/konvergensi';
  const password = process.env.DEMO_PASSWORD || randomBytes(9).toString('base64url');
  const dataSource = await createDataSource({ url, applicationName: 'konvergensi-seed' }).initialize();
  try {
    const mfaSecret = process.env.DEMO_MFA_SECRET;
    const authSecret = process.env.AUTH_SECRET;
    if (mfaSecret && !authSecret) throw new Error('DEMO_MFA_SECRET needs AUTH_SECRET (the key of the stored secrets)');
    const { users, created } = await seedDemo(dataSource, {
      password,
      mfa: mfaSecret && authSecret ? { secret: mfaSecret, authSecret } : undefined,
    });
    const names = users.map((u) => u.username);
    process.stdout.write(
      `Demo data: Kota Metro (18.72) and Kota Dumai (14.72); ${users.length} demo users (${created} new), e.g. ` +
        `${names.filter((n) => /^(admin|metro\.(ketua|sekretaris|dinkes)|dumai\.(sekretaris|aks-pakar))$/.test(n)).join(', ')}.\n`,
    );
    if (created > 0) {
      process.stdout.write(
        process.env.DEMO_PASSWORD
          ? 'Password of new demo users: $DEMO_PASSWORD\n'
          : `Password of the ${created} new demo users: ${password}\n`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
