import { loadConfig } from '@konvergensi/config';
import { AksIdentityCipher } from './aks-identity-cipher.service';

const identity = { nik: '1872014101240003', nama: 'Anak Uji', tanggalLahir: '2025-01-01', alamat: 'Jl. Uji' };
const cipherWith = (key?: string, env: Record<string, string> = {}) =>
  new AksIdentityCipher(loadConfig({ ...env, ...(key ? { AKS_IDENTITY_KEY: key } : {}) }));

describe('AKS identity cipher', () => {
  it('encrypts so that neither the name nor the NIK can be read from the stored bytes, and decrypts back', () => {
    const cipher = cipherWith('ab'.repeat(32));
    const stored = cipher.encrypt('case-1', identity);
    expect(stored.toString('latin1')).not.toContain(identity.nik);
    expect(stored.toString('latin1')).not.toContain(identity.nama);
    expect(cipher.encrypt('case-1', identity).equals(stored)).toBe(false);
    expect(cipher.decrypt('case-1', stored)).toEqual(identity);
  });

  it('binds the ciphertext to its case and its key', () => {
    const stored = cipherWith('ab'.repeat(32)).encrypt('case-1', identity);
    expect(() => cipherWith('ab'.repeat(32)).decrypt('case-2', stored)).toThrow();
    expect(() => cipherWith('cd'.repeat(32)).decrypt('case-1', stored)).toThrow();
  });

  it('hashes a NIK the same way every time with one key and differently with another', () => {
    const hash = cipherWith('ab'.repeat(32)).nikHash(identity.nik);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cipherWith('ab'.repeat(32)).nikHash(identity.nik)).toBe(hash);
    expect(cipherWith('cd'.repeat(32)).nikHash(identity.nik)).not.toBe(hash);
  });

  it('refuses to start in production without a key and answers 503 elsewhere', () => {
    expect(() => cipherWith(undefined, { NODE_ENV: 'production' })).toThrow(/AKS_IDENTITY_KEY/);
    expect(() => cipherWith().nikHash(identity.nik)).toThrow(expect.objectContaining({ status: 503 }));
  });
});
