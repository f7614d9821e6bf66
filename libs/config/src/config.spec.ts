import { ConfigError, loadConfig, requireSetting } from './config';

describe('loadConfig', () => {
  it('fills every setting with its default when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/konvergensi');
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.APP_BASE_URL).toBe('http://localhost:3000');
    expect(config.DEMO_MODE).toBe(false);
  });

  it('reads "false" as false and "true" as true for flags', () => {
    expect(loadConfig({ DEMO_MODE: 'false' }).DEMO_MODE).toBe(false);
    expect(loadConfig({ DEMO_MODE: 'true', SMTP_SECURE: '1' })).toMatchObject({
      DEMO_MODE: true,
      SMTP_SECURE: true,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: 'nohost' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const names = (caught as ConfigError).problems.map((p) => p.variable).sort();
    expect(names).toEqual(['DATABASE_URL', 'PORT', 'TEMPORAL_ADDRESS']);
    expect((caught as ConfigError).message).toContain('PORT');
  });

  it('returns a frozen object so no module can change settings after start-up', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('names a setting that this process requires but the environment lacks', () => {
    expect(() => requireSetting(loadConfig({}), 'AUTH_SECRET')).toThrow(/AUTH_SECRET/);
    expect(requireSetting(loadConfig({ AUTH_SECRET: 'x'.repeat(32) }), 'AUTH_SECRET')).toHaveLength(32);
  });

  it('refuses demo mode and the compressed clock in production, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'true' })).toThrow(/DEMO_MODE/);
    expect(() => loadConfig({ NODE_ENV: 'production', TIME_COMPRESSION_SECONDS_PER_DAY: '1' })).toThrow(
      /TIME_COMPRESSION_SECONDS_PER_DAY/,
    );
    expect(loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'false' }).DEMO_MODE).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DEMO_MODE: 'true' }).DEMO_MODE).toBe(true);
  });

  it('accepts a named reverse proxy for TRUST_PROXY but refuses trusting every forwarder', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).TRUST_PROXY).toBe('10.0.0.0/8, 192.168.1.1');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
  });

  it('accepts ClamAV at tcp://host:port or a unix socket path, and nothing else', () => {
    expect(loadConfig({ CLAMAV_ADDRESS: 'tcp://127.0.0.1:3310' }).CLAMAV_ADDRESS).toBe('tcp://127.0.0.1:3310');
    expect(loadConfig({ CLAMAV_ADDRESS: '/run/clamav/clamd.ctl' }).CLAMAV_ADDRESS).toBe('/run/clamav/clamd.ctl');
    expect(() => loadConfig({ CLAMAV_ADDRESS: '127.0.0.1:3310' })).toThrow(/CLAMAV_ADDRESS/);
    expect(loadConfig({}).CLAMAV_ADDRESS).toBeUndefined();
  });

  it('accepts an AKS identity key of exactly 32 bytes in hex', () => {
    expect(() => loadConfig({ AKS_IDENTITY_KEY: 'short' })).toThrow(/AKS_IDENTITY_KEY/);
    expect(loadConfig({ AKS_IDENTITY_KEY: 'ab'.repeat(32) }).AKS_IDENTITY_KEY).toHaveLength(64);
  });
});
