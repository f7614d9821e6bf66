/* eslint-disable-next-line @typescript-eslint/no-require-imports -- shared ESM provisioning script */
const { dropTestDatabase } = require('../../scripts/lib/database.mjs');

export default async function globalTeardown(): Promise<void> {
  const services = globalThis.konvergensiTestServices;
  if (!services) return;
  await services.temporal.stop();
  await dropTestDatabase(services.databaseUrl);
}
