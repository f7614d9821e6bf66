/**
 * A spreadsheet runs a cell as a formula when it starts with `=`, `+`, `-` or `@`, and some also
 * after leading spaces, a tab or a carriage return (OWASP "CSV injection"). Every CSV the system
 * writes goes through `csvCell`, so the rule lives in one place.
 */
const formulaStart = /^\s*[=+\-@\t\r]/;

/** Whether a value would start a formula in a spreadsheet (leading whitespace included). */
export function looksLikeFormula(value: string): boolean {
  return formulaStart.test(value);
}

/** The value with an apostrophe in front when it would start a formula, so it shows as text. */
export function neutraliseCsvValue(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

/** One CSV cell: neutralised, quoted, quotes doubled; null and undefined are empty. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${neutraliseCsvValue(text).replace(/"/g, '""')}"`;
}
