import { type Sourced, assumed, fromSeed } from '../common/provenance';
import { type RoleCode } from '../roles/roles';
import {
  type DerivedFact,
  type Indicator,
  type IndicatorBlock,
  type IndicatorCode,
  type IndicatorKind,
  type NationalTarget,
} from './types';

/** Constructors for the catalogue data; internal to the indicators module. */

const pillarBlocks: Readonly<Record<string, IndicatorBlock>> = {
  '1': '2A',
  '2': '2B',
  '3': '2C',
  '4': '2D',
  '5': '2E',
};

function formBlock(code: string): IndicatorBlock {
  const pillar = /^Pilar (\d)\./.exec(code);
  if (pillar !== null) {
    const block = pillarBlocks[pillar[1] ?? ''];
    if (block !== undefined) {
      return block;
    }
  }
  if (code.startsWith('RAN PASTI Manajerial')) {
    return '3A';
  }
  if (code.startsWith('RAN PASTI Operasional')) {
    return '3B';
  }
  throw new Error(`no block for form code ${code}`);
}

/** A code of Metro's form (000 Tabel 2); percentages carry their `_b`/`_a` sub-row codes. */
export function form(code: string, kind: IndicatorKind, printedName?: string): IndicatorCode {
  return {
    code,
    format: 'form',
    block: formBlock(code),
    kind,
    ...(kind === 'percentage' ? { numeratorCode: `${code}_b`, denominatorCode: `${code}_a` } : {}),
    ...(printedName === undefined ? {} : { printedName }),
    printedDecimals: 2,
    cite: '000 Tabel 2',
  };
}

/** A code of Dumai's block numbering (003 §F): "Blok 1A Indikator 2". */
export function blok(
  block: Exclude<IndicatorBlock, 'TABEL_1_1'>,
  n: number,
  kind: IndicatorKind,
  printedName?: string,
): IndicatorCode {
  return {
    code: `Blok ${block} Indikator ${n}`,
    format: 'block',
    block,
    kind,
    ...(printedName === undefined ? {} : { printedName }),
    printedDecimals: 0,
    cite: '003 §F Capaian Indikator',
  };
}

/**
 * A code its form prints at other decimals than the rest of that form: 000 Tabel 2 prints
 * `RAN PASTI Operasional 12` and `17` as "7,0", 003 §F prints Blok 3B Indikator 29–32 as "99,6%".
 */
export function printedAt(decimals: number, code: IndicatorCode): IndicatorCode {
  return { ...code, printedDecimals: decimals };
}

const subjectNote = 'the report tables name no responsible office; assigned by subject';

/** Responsible office assigned by subject matter (the tables do not print one). */
export const by = (role: RoleCode): Sourced<RoleCode> => assumed(role, subjectNote);

/** Responsible office as 000 Tabel 4 assigns the activity behind the indicator. */
export const byTabel4 = (role: RoleCode, row: number): Sourced<RoleCode> =>
  fromSeed(role, `000 Tabel 4 butir ${row} (PELAKSANA)`);

export function target(
  text: string,
  cite: string,
  value?: number,
  unit?: NationalTarget['unit'],
  year?: number,
): NationalTarget {
  return {
    text,
    ...(value === undefined ? {} : { value }),
    ...(unit === undefined ? {} : { unit }),
    ...(year === undefined ? {} : { year }),
    provenance: { source: 'seed', cite },
  };
}

/** A Metro Tabel 5 target "NN% Tahun 2024". */
export const pct2024 = (value: number, item: string): NationalTarget =>
  target(`${String(value).replace('.', ',')}% Tahun 2024`, `000 Tabel 5 ${item}`, value, 'percent', 2024);

export interface Spec {
  readonly name: string;
  readonly responsible: Sourced<RoleCode>;
  readonly nationalTarget?: NationalTarget;
  readonly derived?: DerivedFact;
  readonly parent?: string;
  readonly note?: string;
}

/** An indicator from its codes; the first code is the primary one. */
export function indicator(spec: Spec, first: IndicatorCode, ...more: IndicatorCode[]): Indicator {
  return {
    code: first.code,
    aliases: more.map((c) => c.code),
    codes: [first, ...more],
    name: spec.name,
    kind: first.kind,
    responsible: spec.responsible,
    ...(spec.nationalTarget === undefined ? {} : { nationalTarget: spec.nationalTarget }),
    ...(spec.derived === undefined ? {} : { derived: spec.derived }),
    ...(spec.parent === undefined ? {} : { parent: spec.parent }),
    ...(spec.note === undefined ? {} : { note: spec.note }),
  };
}
