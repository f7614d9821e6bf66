import { z } from 'zod';

/**
 * Control and text-direction characters, except line breaks: a note may span lines, but nothing
 * invisible should reach the dashboards and exports that show it.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const hiddenCharacters = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;

/** A free-text note of a person (milestone, grade): trimmed, at most 1000 characters, empty by default. */
export const noteSchema = z
  .string()
  .trim()
  .max(1000, 'catatan paling banyak 1000 karakter')
  .refine((text) => !hiddenCharacters.test(text), 'catatan berisi karakter kendali atau karakter tak terlihat')
  .default('');

/** Why a person acts (a pause, a data subject's request): a note of 3 to 500 characters, required. */
export const reasonSchema = noteSchema.pipe(
  z.string().min(3, 'alasan minimal 3 karakter').max(500, 'alasan paling banyak 500 karakter'),
);
