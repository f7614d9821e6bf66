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
