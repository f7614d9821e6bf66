import { requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  it('is the same for the same body whatever the order of its keys', () => {
    expect(requestFingerprint('POST', '/api/v1/tasks/1/submit', { a: 1, b: { c: 2, d: 3 } })).toBe(
      requestFingerprint('post', '/api/v1/tasks/1/submit', { b: { d: 3, c: 2 }, a: 1 }),
    );
  });

  it('differs when a value, the path or the method differs', () => {
    const base = requestFingerprint('POST', '/api/v1/tasks/1/extension-requests', { until: '2027-03-01' });
    expect(requestFingerprint('POST', '/api/v1/tasks/1/extension-requests', { until: '2027-03-08' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/tasks/2/extension-requests', { until: '2027-03-01' })).not.toBe(base);
    expect(requestFingerprint('PUT', '/api/v1/tasks/1/extension-requests', { until: '2027-03-01' })).not.toBe(base);
  });

  it('ignores the query string and treats a missing body as null', () => {
    expect(requestFingerprint('POST', '/a?x=1', undefined)).toBe(requestFingerprint('POST', '/a', null));
  });
});
