import { isDatabaseUnavailable, isUniqueViolation } from './database-errors';

describe('database error classification', () => {
  it('treats a connection ended by the administrator as the database being unavailable', () => {
    const driverError = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const queryFailed = Object.assign(new Error(driverError.message), { driverError, code: '57P01' });
    expect(isDatabaseUnavailable(queryFailed)).toBe(true);
  });

  it('recognises the driver losing its socket or timing out on a connection', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
  });

  it('finds the cause wrapped inside another error', () => {
    const inner = Object.assign(new Error('connection failure'), { code: '08001' });
    expect(isDatabaseUnavailable(new Error('outer', { cause: inner }))).toBe(true);
  });

  it('leaves errors of the request itself alone', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('invalid input syntax'), { code: '22P02' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
  });
});
