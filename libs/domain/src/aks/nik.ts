/**
 * The Nomor Induk Kependudukan: 16 digits; digits 1-6 the kecamatan of registration, 7-12 the birth
 * date (day + 40 for women), 13-16 a serial number.
 */
export function isValidNik(nik: string): boolean {
  if (!/^\d{16}$/.test(nik)) return false;
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 96) return false;
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const dayOfMonth = day > 40 ? day - 40 : day;
  if (dayOfMonth < 1 || dayOfMonth > 31 || month < 1 || month > 12) return false;
  return nik.slice(12) !== '0000';
}

/** Shown to AKS roles: the first four and last four digits, e.g. `1871********0003`. */
export function maskNik(nik: string): string {
  if (nik.length <= 8) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether any text names one of the people: their NIK, or their full name as whole words (case and
 * spacing ignored), so a short name inside an ordinary word ("Ani" in "organik") is no match.
 */
export function mentionsIdentity(texts: readonly string[], people: readonly { nik: string; nama: string }[]): boolean {
  const patterns = people.flatMap((person) => {
    const name = person.nama.trim();
    return [
      new RegExp(`(^|\\D)${escapeRegExp(person.nik)}(\\D|$)`, 'u'),
      ...(name.length >= 3
        ? [new RegExp(`(^|[^\\p{L}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}([^\\p{L}]|$)`, 'iu')]
        : []),
    ];
  });
  return texts.some((text) => patterns.some((pattern) => pattern.test(text)));
}
