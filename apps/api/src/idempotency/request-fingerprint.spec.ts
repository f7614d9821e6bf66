import { deterministicUuid, requestFingerprint } from './request-fingerprint';

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

describe('deterministicUuid', () => {
  it('gives the same well-formed UUID for the same parts and another for other parts', () => {
    const id = deterministicUuid('ad-hoc-task', 'user-1', 'key-00000001');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('ad-hoc-task', 'user-1', 'key-00000001')).toBe(id);
    expect(deterministicUuid('ad-hoc-task', 'user-2', 'key-00000001')).not.toBe(id);
    expect(deterministicUuid('ad-hoc-task', 'user-1key-00000001')).not.toBe(id);
  });
});
