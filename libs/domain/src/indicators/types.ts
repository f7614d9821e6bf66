import { type Provenance, type Sourced } from '../common/provenance';
import { type RoleCode } from '../roles/roles';

/**
 * How an indicator is filled in. `percentage` and `ratePerThousand` are computed from a numerator
 * and a denominator; `directPercentage` is typed in as a percentage with no parts (Metro's unmet
 * need row, "4,60%").
 */
export type IndicatorKind = 'yesNo' | 'count' | 'percentage' | 'ratePerThousand' | 'directPercentage';

/**
 * Where a code is printed: Perpres 72/2021 Lampiran A (1A specific, 1B sensitive), Lampiran B
 * (2A-2E = pilar 1-5), RAN PASTI (3A managerial, 3B operational), or the guide's Tabel 1.1.
 */
export type IndicatorBlock = '1A' | '1B' | '2A' | '2B' | '2C' | '2D' | '2E' | '3A' | '3B' | 'TABEL_1_1';

/** The report format a code belongs to: Metro's form (000 Tabel 2), Dumai's blocks (003), the guide. */
export type CodeFormat = 'form' | 'block' | 'guide';

/** Facts the workflows establish, from which an indicator's value follows without data entry. */
export type DerivedFact = 'hasAuditTeam' | 'auditsHeld' | 'auditsFollowedUp' | 'auditsDisseminated' | 'badutaAuditHeld';

export interface IndicatorCode {
  /** As printed: `Pilar 3. A7`, `RAN PASTI Operasional 39`, `Blok 1A Indikator 2`, `Tabel 1.1 A.5`. */
  readonly code: string;
  readonly format: CodeFormat;
  readonly block: IndicatorBlock;
  /** The same concept is a count in one report and a percentage in the other. */
  readonly kind: IndicatorKind;
  /** Metro's sub-row codes for the parts of a percentage (`…_b` numerator, `…_a` denominator). */
  readonly numeratorCode?: string;
  readonly denominatorCode?: string;
  /** The name under this code when it differs from the indicator's name. */
  readonly printedName?: string;
  /**
   * Decimals this code's form prints a percentage or rate with: Metro's form two ("44,63", 000
   * Tabel 2), Dumai's blocks none ("32%", 003 §F), with the exceptions each form prints.
   */
  readonly printedDecimals: number;
  readonly cite: string;
}

export interface NationalTarget {
  /** As printed, e.g. `90% Tahun 2024`. */
  readonly text: string;
  readonly value?: number;
  readonly unit?: 'percent' | 'times' | 'perThousand';
  readonly year?: number;
  readonly provenance: Provenance;
}

export interface Indicator {
  /** The primary code: Metro's form code where Metro prints one, otherwise Dumai's block code. */
  readonly code: string;
  /** All other printed codes of the same indicator. */
  readonly aliases: readonly string[];
  readonly codes: readonly IndicatorCode[];
  readonly name: string;
  /** The kind under the primary code. */
  readonly kind: IndicatorKind;
  readonly responsible: Sourced<RoleCode>;
  readonly nationalTarget?: NationalTarget;
  readonly derived?: DerivedFact;
  /** Tabel 1.1 group; `main` indicators drive focus-village selection. */
  readonly group?: 'main' | 'supplementary' | 'specialCondition';
  /** Tabel 1.1 starred rows: separate baduta and balita data from the second year. */
  readonly starred?: boolean;
  readonly numeratorLabel?: string;
  readonly denominatorLabel?: string;
  /** For a sub-row such as `Pilar 1. A3_a`: the code of the indicator it belongs to. */
  readonly parent?: string;
  readonly note?: string;
}
