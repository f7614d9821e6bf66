/** What globalSetup started, as the test files see it. */
export interface TestEnvironment {
  temporalAddress: string;
  temporalBinary: string;
  databaseUrl: string;
  workDir: string;
  /** Password of every seeded demo user (`admin`, `metro.sekretaris`, `metro.dinkes`, …). */
  demoPassword: string;
  authSecret: string;
  /**
   * The TOTP secret the admin and AKS demo users were enrolled with (they must use an
   * authenticator): test/support/second-factor.ts computes their codes.
   */
  demoMfaSecret: string;
}

export function testEnvironment(): TestEnvironment {
  const raw = process.env.KONVERGENSI_TEST_ENV;
  if (!raw)
    throw new Error(
      'KONVERGENSI_TEST_ENV is missing: run the cross-process tests through jest with test/jest.config.js',
    );
  return JSON.parse(raw) as TestEnvironment;
}
