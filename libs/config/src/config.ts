import { z } from 'zod';

/** "true"/"false"/"1"/"0" from the environment; `z.coerce.boolean` would read "false" as true. */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce.number().int().min(1).max(65535);

const hostPort = z.string().regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port, e.g. 127.0.0.1:7233');

/**
 * Every setting the processes read from the environment. It is parsed once at start-up
 * (`loadConfig`) and handed down explicitly; nothing else reads `process.env`.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: port.default(3000),
  APP_BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .url()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'expected a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/konvergensi'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('konvergensi'),
  TEMPORAL_UI_URL: z.url().optional(),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port.default(2525),
  SMTP_SECURE: booleanFlag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Konvergensi Stunting <noreply@konvergensi.local>'),
  DEMO_MODE: booleanFlag.default(false),
  /** Demo mode only: the in-process SMTP catcher behind the dev mailbox page. */
  DEV_MAIL_CATCHER_PORT: port.optional(),
  /** Folder for local state of `npm start` (the dev mailbox keeps its mail here). */
  DATA_DIR: z.string().min(1).optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  /** HMAC key of access tokens; the API refuses to start without it (≥ 32 characters). */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Key of the AKS case identities (AES-256-GCM) and of the NIK hash (HMAC-SHA-256): 64 hex
   * characters (32 bytes). The API refuses to start without it in production; `npm start`
   * generates and keeps one.
   */
  AKS_IDENTITY_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /**
   * How long a rotated refresh token may still be exchanged (for a fresh token of its session)
   * before presenting it counts as reuse and ends the session: two tabs refreshing at the same
   * moment send the same cookie. 0 turns the grace off.
   */
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  /**
   * Limits of a session of a privileged role (system admin, AKS teams: they see children's health
   * data): it ends after this many minutes without a request of the user's own, and this many
   * hours after login whatever happens (OWASP ASVS 3.3.2). Other roles keep the refresh lifetime.
   */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /**
   * How long a step-up (password and authenticator code again) lets its session reveal or export
   * AKS identities (OWASP ASVS 4.3.3 / 2.8.x); afterwards 403 STEP_UP_REQUIRED.
   */
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  /** Failed logins in a row that lock an account, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * Express `trust proxy` for the reverse proxy that terminates TLS: a hop count (`1`), `loopback`,
   * `uniquelocal` or a comma-separated list of addresses/CIDRs. Unset, the client address is the
   * socket's, and behind a proxy every user would share one login rate-limit bucket. `true`
   * (trust any X-Forwarded-For) is refused: a client could then pick its own address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .min(1)
    .refine((value) => !/^(true|yes|\*)$/i.test(value), 'name the proxy (hops, loopback or addresses), not "true"')
    .optional(),
  /** Login attempts per client address per minute before 429. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** How often the mail dispatcher looks for due outbox rows and digests. */
  MAIL_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Upper bound of the backoff between delivery attempts while SMTP is down. */
  MAIL_RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /**
   * Tests and demos only: compressed seconds per real day for deadlines and escalation ladders,
   * so a ladder of weeks plays out in seconds on the real Temporal server.
   */
  TIME_COMPRESSION_SECONDS_PER_DAY: z.coerce.number().positive().max(86_400).optional(),
  /** Largest evidence upload in bytes (20 MB). */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /**
   * Bytes of evidence and AKS documents one regency may store in all (10 GiB); an upload past it
   * answers 507 UPLOAD_QUOTA_EXCEEDED, so one regency cannot fill the national database.
   */
  REGENCY_UPLOAD_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024 * 1024),
  /**
   * ClamAV's daemon for scanning uploads: `tcp://host:port` or a unix socket path. Unset: uploads
   * are stored unscanned (the API says so at start and on /api/health). Set: every upload is
   * scanned before it is stored, and refused when clamd cannot answer (fail closed).
   */
  CLAMAV_ADDRESS: z
    .string()
    .regex(
      /^(tcp:\/\/[^\s:/]+:\d{1,5}|unix:\/\/\/\S+|\/\S+)$/,
      'expected tcp://host:port or a unix socket path, e.g. tcp://127.0.0.1:3310 or /run/clamav/clamd.ctl',
    )
    .optional(),
  /**
   * A socket silent this long is closed (a client that stopped mid-upload, a slowloris). It also
   * bounds a request the server works on without answering, so it is far above the slowest one.
   */
  SOCKET_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  /**
   * How long a client may take to send the request head, and the whole request (an upload of
   * MAX_UPLOAD_BYTES included: ten minutes carry 20 MB at 35 kB/s, a weak mobile link); past
   * either the API answers 408 REQUEST_TIMEOUT and closes the connection, so clients that trickle
   * bytes cannot hold connections open.
   */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(60_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(600_000),
  /** How long one scan may take before the upload answers 503 SCAN_UNAVAILABLE. */
  CLAMAV_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(30_000),
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
});

export type AppConfig = Readonly<Omit<z.infer<typeof configSchema>, 'APP_BASE_URL'> & { APP_BASE_URL: string }>;

/** A missing or malformed variable: the message names each one so the operator can fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; problem: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map(({ variable, problem }) => `  - ${variable}: ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** A setting that is optional for some processes but required by the caller's. */
export function requireSetting<K extends keyof AppConfig>(config: AppConfig, key: K): NonNullable<AppConfig[K]> {
  const value = config[key];
  if (value === undefined || value === null) {
    throw new ConfigError([{ variable: String(key), problem: 'is required by this process' }]);
  }
  return value as NonNullable<AppConfig[K]>;
}

/**
 * Parses the environment once. Empty strings count as unset so that `FOO= npm start` falls
 * back to the default instead of failing on "".
 */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(root)'),
        problem: issue.message,
      })),
    );
  }
  const values = parsed.data;
  if (values.NODE_ENV === 'production') {
    // Demo mode serves every caught mail (password reset links included) without a login, and a
    // compressed clock breaks real deadlines: neither may reach a production deployment.
    const refused = [
      ...(values.TIME_COMPRESSION_SECONDS_PER_DAY !== undefined ? ['TIME_COMPRESSION_SECONDS_PER_DAY'] : []),
      ...(values.DEMO_MODE ? ['DEMO_MODE'] : []),
    ];
    if (refused.length > 0)
      throw new ConfigError(refused.map((variable) => ({ variable, problem: 'must not be set in production' })));
  }
  return Object.freeze({
    ...values,
    APP_BASE_URL: values.APP_BASE_URL ?? `http://localhost:${values.PORT}`,
  });
}
