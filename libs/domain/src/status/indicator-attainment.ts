import { type Provenance } from '../common/provenance';
import { type IndicatorValue } from '../indicators/evaluate';
import { type Indicator } from '../indicators/types';

export interface TargetAttainment {
  /** The printed target, e.g. `90% Tahun 2024`; null when the catalogue has none. */
  readonly target: string | null;
  readonly targetValue: number | null;
  /** `atLeast`: reaching the target means being at or above it; `atMost`: at or below it. */
  readonly direction: 'atLeast' | 'atMost';
  /** Null when it cannot be judged (no numeric target, value not computable). */
  readonly met: boolean | null;
  readonly directionProvenance: Provenance;
}

/**
 * Indicators where less is better. The seeds print targets without a direction; a rate of unmet
 * need or a prevalence is reached by going below it.
 */
const lowerIsBetter = /unmet need|prevalensi|angka kematian/i;

/** Compares an achieved value with the indicator's national target (libs/domain catalogue). */
export function targetAttainment(indicator: Indicator | undefined, value: IndicatorValue): TargetAttainment {
  const target = indicator?.nationalTarget;
  const atMost = indicator !== undefined && lowerIsBetter.test(indicator.name);
  const direction: TargetAttainment['direction'] = atMost ? 'atMost' : 'atLeast';
  const directionProvenance: Provenance = {
    source: 'assumed',
    note: atMost
      ? 'a rate of unmet need, prevalence or mortality is reached by staying at or below its target'
      : 'coverage and counts are reached by reaching or exceeding their target',
  };
  const base = { target: target?.text ?? null, targetValue: target?.value ?? null, direction, directionProvenance };
  if (target?.value === undefined) return { ...base, met: null } as const;
  let achieved: number | undefined;
  if (value.status === 'computed' || value.status === 'count') achieved = value.value;
  if (value.status === 'yesNo') return { ...base, met: value.value } as const;
  if (achieved === undefined) return { ...base, met: null } as const;
  return { ...base, met: atMost ? achieved <= target.value : achieved >= target.value } as const;
}
