import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that must never reach a log line. Health data of children and mothers (AKS cases) and
 * credentials are redacted wherever they appear in a logged object.
 */
export const redactedPaths = [
  'password',
  '*.password',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.nik',
  '*.name',
  '*.address',
  '*.birthDate',
  // The AKS identity under its Indonesian field names (CSV columns and API bodies).
  '*.identity',
  '*.identitas',
  '*.nama',
  '*.alamat',
  '*.tanggalLahir',
  '*.tanggal_lahir',
];

export function createLogger(options: { level: string; service: string }): Logger {
  return pino({
    level: options.level,
    base: { service: options.service },
    redact: { paths: redactedPaths, censor: '[disembunyikan]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/**
 * The shape of NestJS's LoggerService, so both Nest apps log through pino without this library
 * importing @nestjs (it stays usable from plain scripts).
 */
const startupInventory = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export function nestLoggerFor(logger: Logger) {
  const write =
    (level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal') =>
    (message: unknown, ...rest: unknown[]): void => {
      const context = rest.length > 0 ? rest[rest.length - 1] : undefined;
      // Nest's start-up inventory (a line per module and per route) is debug detail, not news.
      const effective = level === 'info' && startupInventory.has(String(context)) ? 'debug' : level;
      logger[effective]({ context }, typeof message === 'string' ? message : JSON.stringify(message));
    };
  return {
    log: write('info'),
    error: write('error'),
    warn: write('warn'),
    debug: write('debug'),
    verbose: write('trace'),
    fatal: write('fatal'),
  };
}
