import { z } from 'zod';

/** Path and query pieces shared by several resources. */
export const regencyCodeSchema = z.string().regex(/^\d{2}\.\d{2}$/, 'kode kabupaten/kota Kemendagri, mis. 18.72');
export const unitCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'kode unit huruf besar, angka dan garis bawah, mis. DINKES');
export const uuidSchema = z.uuid('bukan pengenal (UUID) yang valid');
export const localDateSchema = z.iso.date('tanggal harus berformat YYYY-MM-DD');
export const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const regencyParams = z.strictObject({ code: regencyCodeSchema });
export const idParams = z.strictObject({ id: uuidSchema });
