import { z } from 'zod';

/** Path and query pieces shared by several resources. */
export const regencyCodeSchema = z.string().regex(/^\d{2}\.\d{2}$/, 'kode kabupaten/kota Kemendagri, mis. 18.72');
export const unitCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'kode unit huruf besar, angka dan garis bawah, mis. DINKES');
export const uuidSchema = z.uuid('bukan pengenal (UUID) yang valid');
/** A calendar day (impossible days such as 2026-02-30 fail), within the years the system plans for. */
export const localDateSchema = z.iso
  .date('tanggal harus berformat YYYY-MM-DD')
  .refine((date) => date >= '2000-01-01' && date <= '2100-12-31', 'tanggal harus antara tahun 2000 dan 2100');

/**
 * Control characters, invisible or text-direction characters, and angle brackets: none belongs in a
 * name, and each is a way to smuggle markup or a spoofed file name into pages and exports.
 */
const hostileCharacters =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb<>]/u;
/** A leading =, +, - or @ makes a spreadsheet cell a formula when the name is exported (CSV injection). */
const formulaStart = /^[=+\-@]/;

/** A human-readable name (person, unit, region, holiday): trimmed, free of markup and formulas. */
export function nameSchema(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine(
      (text) => !hostileCharacters.test(text),
      'tidak boleh berisi karakter kendali, karakter tak terlihat, < atau >',
    )
    .refine((text) => !formulaStart.test(text), 'tidak boleh diawali =, +, - atau @ (rumus lembar kerja)');
}
/**
 * What the forms write "none" with: a lone dash (003 prints `-` in every empty cell of its budget by
 * funding source). Alone it is text to a spreadsheet, not a formula.
 */
export const nilMark = '-';

/** A cell of a planning form: a name, or the forms' nil mark `-`. */
export function formTextSchema(min: number, max: number) {
  return z.union([z.literal(nilMark), nameSchema(min, max)]);
}

export const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const regencyParams = z.strictObject({ code: regencyCodeSchema });
export const idParams = z.strictObject({ id: uuidSchema });
