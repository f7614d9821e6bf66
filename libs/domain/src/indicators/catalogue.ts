import { coverageIndicators } from './coverage-catalogue';
import { reportIndicators } from './report-catalogue';
import { type Indicator, type IndicatorCode } from './types';

/** Every indicator: the semester report's (both formats) and the guide's Tabel 1.1. */
export const indicatorCatalogue: readonly Indicator[] = [...reportIndicators, ...coverageIndicators];

/** The 20 main coverage indicators that decide focus villages (004 Tabel 1.1 A). */
export const mainCoverageIndicators: readonly Indicator[] = coverageIndicators.filter((i) => i.group === 'main');

/** Printed codes vary in spacing and case (`Pilar 3. A7`, `pilar 3.A7`); compare without either. */
export function normaliseIndicatorCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

export interface IndicatorMatch {
  readonly indicator: Indicator;
  /** The code as found, with the kind it is reported under. */
  readonly code: IndicatorCode;
  /** Set when a Metro sub-row code (`…_b`, `…_a`) was looked up. */
  readonly part?: 'numerator' | 'denominator';
}

const byCode = new Map<string, IndicatorMatch>();
for (const indicator of indicatorCatalogue) {
  for (const code of indicator.codes) {
    byCode.set(normaliseIndicatorCode(code.code), { indicator, code });
    if (code.numeratorCode !== undefined) {
      byCode.set(normaliseIndicatorCode(code.numeratorCode), { indicator, code, part: 'numerator' });
    }
    if (code.denominatorCode !== undefined) {
      byCode.set(normaliseIndicatorCode(code.denominatorCode), { indicator, code, part: 'denominator' });
    }
  }
}

/**
 * Looks an indicator up by its primary code, an alias from the other report format, or a Metro
 * numerator/denominator sub-row code.
 */
export function findIndicator(code: string): IndicatorMatch | undefined {
  return byCode.get(normaliseIndicatorCode(code));
}
