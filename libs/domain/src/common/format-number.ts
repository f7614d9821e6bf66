/**
 * Indonesian number formatting: decimal comma and thousands dot (`47.432`, `44,63`). Written by
 * hand instead of `Intl.NumberFormat('id-ID')` so the output cannot change with the ICU data of
 * whatever Node build runs a workflow.
 */
export function formatNumberId(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`cannot format ${value}`);
  }
  const negative = value < 0;
  const fixed = roundHalfUp(Math.abs(value), decimals).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = fraction === undefined ? grouped : `${grouped},${fraction}`;
  return negative && Number(fixed) !== 0 ? `-${text}` : text;
}

/**
 * Rounds half away from zero at `decimals` places. Goes through the decimal string so that
 * `1.005` rounds to `1.01` as a person doing it on paper would, not to `1.00` as binary floats do.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(`cannot round ${value}`);
  }
  const sign = value < 0 ? -1 : 1;
  const text = String(Math.abs(value));
  // Exponent notation (1e-7, 1e+21) cannot take another exponent; those magnitudes never carry a
  // meaningful half at two decimals, so plain float scaling is exact enough for them.
  const shifted = text.includes('e') ? Math.abs(value) * 10 ** decimals : Number(`${text}e${decimals}`);
  return (sign * Math.round(shifted)) / 10 ** decimals;
}

/**
 * Reads a number written the Indonesian way, as forms and CSVs carry it: dots group thousands,
 * one comma is the decimal mark (`47.432`, `44,63`); a plain `12.5` (one dot, not three digits
 * after it) is read as a decimal, as spreadsheets in an English locale write it. NaN otherwise.
 */
export function parseNumberId(text: string): number {
  const trimmed = text.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed)) return Number(trimmed.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(,\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  if (/^-?\d+\.\d+$/.test(trimmed)) return Number(trimmed);
  return Number.NaN;
}
