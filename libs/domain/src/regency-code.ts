/**
 * A Kemendagri region code as printed in the seeds: province `18`, regency/city `18.72`,
 * kecamatan `18.72.01`, desa/kelurahan `18.72.01.1001`.
 */
export type RegionCode = string;

const regencyCodePattern = /^\d{2}\.\d{2}$/;

/** True when `code` is a regency/city (kabupaten/kota) code such as `18.72` (Kota Metro). */
export function isRegencyCode(code: string): boolean {
  return regencyCodePattern.test(code);
}
