/** PostgreSQL's unique_violation (SQLSTATE 23505), as TypeORM's QueryFailedError carries it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * SQLSTATEs that mean "the database went away", not "the request was wrong": class 08 (connection
 * exception), 57P01–57P03 (administrator/crash shutdown, cannot connect now, e.g. a connection
 * ended by pg_terminate_backend or a restart) and 53300 (too many connections).
 */
const unavailableStates = /^(08...|57P0[1-3]|53300)$/;

/** Socket-level failures of the pg driver before PostgreSQL could answer. */
const unavailableSocketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** What node-postgres says when the connection ends mid-query or the pool cannot get a client. */
const unavailableMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /connection ended/i,
];

/**
 * Whether an error means PostgreSQL could not be reached or dropped the connection. Such a request
 * did not commit (every write runs in one transaction), so it may be repeated: the API answers 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current !== 'object') return false;
    const { code, message, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (unavailableStates.test(code) || unavailableSocketCodes.has(code))) return true;
    if (typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(message))) return true;
    current = driverError ?? cause;
  }
  return false;
}
