import { isRegencyCode } from './regency-code';

describe('isRegencyCode', () => {
  it('accepts the Kemendagri code of Kota Metro', () => {
    expect(isRegencyCode('18.72')).toBe(true);
  });

  it('rejects a kecamatan code and free text', () => {
    expect(isRegencyCode('18.72.01')).toBe(false);
    expect(isRegencyCode('Metro')).toBe(false);
  });
});
