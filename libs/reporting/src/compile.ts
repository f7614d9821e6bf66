import {
  derivedInput,
  evaluateIndicatorKind,
  formatNumberId,
  indonesianMonthNames,
  indicatorCatalogue,
  nationalTemplate,
  notComputableText,
  roleByCode,
  roundHalfUp,
  semesterCollectionPlan,
  semesterReportIndicators,
  subRowsOf,
  unitOwing,
  type AuditFacts,
  type CalendarItem,
  type CollectingUnit,
  type CollectionPlan,
  type Indicator,
  type IndicatorBlock,
  type IndicatorInput,
  type IndicatorKind,
  type IndicatorValue,
  type RoleCode,
} from '@konvergensi/domain';
import { auditFactsFrom, auditStages, type AuditProgress, type AuditStageView } from './audit-facts';
import { integrationMatrix, type IntegrationMatrix, type PlannedActivity } from './planned-activities';

/** A value as submitted through the indicators API, under the catalogue's primary code. */
export interface ReportedValue {
  readonly code: string;
  readonly reportedCode: string;
  readonly reportedKind: IndicatorKind;
  readonly input: IndicatorInput;
  /** Plausibility warnings of the value (libs/domain plausibilityWarnings), as messages. */
  readonly warnings?: readonly string[];
  /** The officer's note confirming the value despite its warnings; null while unconfirmed. */
  readonly confirmationNote?: string | null;
}

/**
 * A value the plausibility checks question, for the report's "Catatan": the warnings and the
 * officer's confirmation, or none yet.
 */
export interface ReportNote {
  readonly code: string;
  readonly name: string;
  readonly warnings: readonly string[];
  readonly confirmationNote: string | null;
}

/** One convergence action of the cycle as the status read model shows it. */
export interface ActionProgress {
  readonly code: string;
  readonly number: number;
  readonly title: string;
  /** belum mulai, berjalan, terlambat, selesai */
  readonly statusLabel: string;
  readonly stagesDone: number;
  readonly stagesTotal: number;
  readonly responsibleUnitCode: string | null;
}

export interface LokusVillage {
  readonly id: string;
  readonly name: string;
  readonly district: string | null;
}

export interface LokusList {
  /** `confirmed`: the secretary's list; `decree`: a lokus decree from the seeds; `computed`: focus-village analysis. */
  readonly source: 'confirmed' | 'decree' | 'computed' | 'none';
  readonly description: string;
  readonly villages: readonly LokusVillage[];
}

export interface SemesterReportInput {
  readonly regency: { readonly code: string; readonly name: string };
  readonly year: number;
  readonly semester: 1 | 2;
  /** ISO instant the data was read. */
  readonly generatedAt: string;
  /** The regency's active units with their role mapping. */
  readonly units: readonly CollectingUnit[];
  readonly values: readonly ReportedValue[];
  readonly audits: readonly AuditProgress[];
  /** `null` when the year's cycle has not been created. */
  readonly actions: readonly ActionProgress[] | null;
  readonly plannedActivities: readonly PlannedActivity[];
  readonly lokus: LokusList;
  readonly catalogue?: readonly Indicator[];
}

/** `notAvailable`: the regency declared "data tidak tersedia" with a reason (the forms' "NA"). */
export type RowSource = 'submitted' | 'derived' | 'missing' | 'invalid' | 'notAvailable';

export interface ReportRow {
  readonly code: string;
  /** The printed code the value was reported under, when it differs from `code`. */
  readonly reportedCode: string | null;
  readonly aliases: readonly string[];
  readonly name: string;
  readonly kind: IndicatorKind;
  readonly denominator: number | null;
  readonly numerator: number | null;
  /** Computed by libs/domain; `null` when there is no value. */
  readonly achievement: IndicatorValue | null;
  /**
   * The achievement as printed at the reporting code's decimals (`IndicatorCode.printedDecimals`):
   * "44,63", "32", "Ya", "22", "tidak dapat dihitung", or "-" when missing.
   */
  readonly display: string;
  /** Decimals the reporting code's form prints a percentage or rate with. */
  readonly printedDecimals: number;
  /** The achievement at two decimals where `display` rounds it further ("32,14" beside "32"); else null. */
  readonly detail: string | null;
  readonly target: string | null;
  /** Whether the national target is met; `null` when there is no value or target to compare with. */
  readonly met: boolean | null;
  readonly explanation: string;
  readonly source: RowSource;
  /** The unit that answers for the indicator (the audit team for derived ones). */
  readonly unitCode: string | null;
  readonly unitName: string | null;
  /** The form's rows beneath this one (`Pilar 1. A3_a`, `_b` under the Ya/Tidak of `Pilar 1. A3`). */
  readonly subRows: readonly ReportRow[];
}

export interface ReportSection {
  readonly block: IndicatorBlock;
  readonly title: string;
  readonly rows: readonly ReportRow[];
}

export interface ReportBlock {
  readonly number: 1 | 2 | 3;
  readonly title: string;
  readonly sections: readonly ReportSection[];
}

export interface ReportGap {
  readonly code: string;
  readonly name: string;
  readonly reason: 'notSubmitted' | 'noAuditData' | 'invalid' | 'noUnitForRole';
  readonly unitCode: string | null;
  readonly unitName: string | null;
  readonly role: RoleCode;
  readonly message: string;
}

export interface TppsActivity {
  readonly code: string;
  readonly title: string;
  readonly owner: string;
  readonly period: string;
  readonly status: string;
}

export interface AuditSummary {
  readonly semester: number;
  readonly templateCode: string;
  readonly status: string;
  readonly stages: readonly AuditStageView[];
}

export interface SemesterReport {
  readonly regency: { readonly code: string; readonly name: string };
  readonly year: number;
  readonly semester: 1 | 2;
  readonly generatedAt: string;
  readonly summary: {
    readonly indicators: number;
    readonly filled: number;
    readonly met: number;
    readonly notMet: number;
    readonly notComputable: number;
    /** Declared "data tidak tersedia" with a reason: filled, but without a value. */
    readonly notAvailable: number;
    readonly gaps: number;
    readonly unitsWithGaps: readonly string[];
    readonly text: readonly string[];
  };
  readonly blocks: readonly ReportBlock[];
  /** Tabel 1.1 coverage rows that were submitted for the period (Aksi 1 data, shown when present). */
  readonly coverage: readonly ReportRow[];
  readonly gaps: readonly ReportGap[];
  readonly gapsByUnit: readonly {
    readonly unitCode: string | null;
    readonly unitName: string;
    readonly codes: readonly string[];
  }[];
  readonly auditFacts: AuditFacts | null;
  readonly tppsActivities: readonly TppsActivity[];
  readonly actions: readonly ActionProgress[] | null;
  readonly audits: readonly AuditSummary[];
  readonly budget: IntegrationMatrix;
  readonly plannedActivities: readonly PlannedActivity[];
  readonly lokus: LokusList;
  readonly collectionPlan: CollectionPlan;
  /** Values with plausibility warnings, in catalogue order ("Catatan"). */
  readonly notes: readonly ReportNote[];
}

export const blockTitles: Readonly<Record<IndicatorBlock, string>> = {
  '1A': 'Blok 1A : Indikator Intervensi Spesifik',
  '1B': 'Blok 1B : Indikator Intervensi Sensitif',
  '2A': 'Blok 2A : Indikator Pilar 1. Peningkatan Komitmen dan Visi Kepemimpinan',
  '2B': 'Blok 2B : Indikator Pilar 2. Peningkatan Komunikasi Perubahan Perilaku dan Pemberdayaan Masyarakat',
  '2C': 'Blok 2C : Indikator Pilar 3. Peningkatan Konvergensi Intervensi Spesifik dan Intervensi Sensitif',
  '2D': 'Blok 2D : Indikator Pilar 4. Peningkatan Ketahanan Pangan dan Gizi',
  '2E': 'Blok 2E : Indikator Pilar 5. Penguatan dan Pengembangan Sistem, Data, Informasi, Riset, dan Inovasi',
  '3A': 'Blok 3A : Indikator RAN PASTI Kluster Manajerial',
  '3B': 'Blok 3B : Indikator RAN PASTI Kluster Operasional',
  TABEL_1_1: 'Tabel 1.1 : Cakupan Layanan',
};

const topBlocks: readonly { number: 1 | 2 | 3; title: string; blocks: readonly IndicatorBlock[] }[] = [
  { number: 1, title: 'Blok 1 : Capaian Perpres 72/2021 Lampiran A', blocks: ['1A', '1B'] },
  { number: 2, title: 'Blok 2 : Capaian Perpres 72/2021 Lampiran B', blocks: ['2A', '2B', '2C', '2D', '2E'] },
  { number: 3, title: 'Blok 3 : Capaian RAN PASTI', blocks: ['3A', '3B'] },
];

/** Hints of the national form's PENJELASAN column (000 Tabel 2). */
const kindHint: Readonly<Record<IndicatorKind, string>> = {
  yesNo: 'Diisi dengan Ya/Tidak',
  count: 'Diisi dengan angka/jumlah',
  percentage: 'Pembilang dibagi penyebut x 100%',
  ratePerThousand: 'Pembilang dibagi penyebut x 1.000',
  directPercentage: 'Diisi dengan persentase',
};

/**
 * Indicators where less is better (assumed from their names: the seeds print the 7,4% unmet-need
 * target without saying "paling tinggi"): met when the value does not exceed the target.
 */
const lowerIsBetter = /unmet need|tidak diinginkan/i;

function targetMet(indicator: Indicator, kind: IndicatorKind, value: IndicatorValue): boolean | null {
  const target = indicator.nationalTarget;
  if (target?.value === undefined || target.unit === undefined) return null;
  if (
    target.unit === 'percent' &&
    value.status === 'computed' &&
    (kind === 'percentage' || kind === 'directPercentage')
  ) {
    return lowerIsBetter.test(indicator.name) ? value.value <= target.value : value.value >= target.value;
  }
  if (target.unit === 'times' && value.status === 'yesNo') {
    return value.count === undefined ? value.value : value.value && value.count >= target.value;
  }
  if (target.unit === 'times' && value.status === 'count') return value.value >= target.value;
  return null;
}

/** The decimals of the code a value was reported under, else of the indicator's primary code. */
function printedDecimalsFor(indicator: Indicator, reportedCode: string | undefined): number {
  const code = indicator.codes.find((c) => c.code === reportedCode) ?? indicator.codes[0];
  return code?.printedDecimals ?? 2;
}

function detailOf(value: IndicatorValue, decimals: number): string | null {
  if (value.status !== 'computed' || decimals >= 2) return null;
  return roundHalfUp(value.exact, decimals) === value.value ? null : formatNumberId(value.value, 2);
}

function partsOf(input: IndicatorInput | undefined): { numerator: number | null; denominator: number | null } {
  return input?.kind === 'fraction'
    ? { numerator: input.numerator, denominator: input.denominator }
    : { numerator: null, denominator: null };
}

function explanationOf(kind: IndicatorKind, value: IndicatorValue): string {
  if (value.status === 'notComputable') return `Penyebut 0: capaian ${notComputableText}`;
  if (value.status === 'notAvailable') return `Data tidak tersedia: ${value.reason}`;
  return kindHint[kind];
}

interface Owner {
  unitCode: string | null;
  unitName: string | null;
  role: RoleCode;
}

function ownerOf(indicator: Indicator, plan: CollectionPlan, units: readonly CollectingUnit[]): Owner {
  const role: RoleCode = indicator.derived !== undefined ? 'AUDIT_TEAM' : indicator.responsible.value;
  const planned = unitOwing(plan, indicator.code);
  const unit = planned ? { code: planned.unitCode, name: planned.unitName } : units.find((u) => u.roles.includes(role));
  return { unitCode: unit?.code ?? null, unitName: unit?.name ?? null, role };
}

function gapMessage(reason: ReportGap['reason'], owner: Owner, detail?: string): string {
  const who = owner.unitName ?? `unit berperan ${roleByCode(owner.role).title.id}`;
  switch (reason) {
    case 'notSubmitted':
      return `Belum diisi oleh ${who}.`;
    case 'noAuditData':
      return `Belum ada data Audit Kasus Stunting pada sistem (${who}).`;
    case 'noUnitForRole':
      return `Tidak ada unit yang dipetakan ke peran ${roleByCode(owner.role).title.id}.`;
    case 'invalid':
      return `Nilai dari ${who} tidak valid: ${detail ?? ''}`.trim();
  }
}

function compileRow(
  indicator: Indicator,
  value: ReportedValue | undefined,
  facts: AuditFacts | undefined,
  owner: Owner,
): { row: ReportRow; gap?: ReportGap } {
  const printedDecimals = printedDecimalsFor(indicator, value?.reportedCode);
  const base = {
    code: indicator.code,
    printedDecimals,
    detail: null,
    aliases: indicator.aliases,
    name: indicator.name,
    target: indicator.nationalTarget?.text ?? null,
    unitCode: owner.unitCode,
    unitName: owner.unitName,
    subRows: [],
  };
  const missing = (reason: ReportGap['reason'], kind: IndicatorKind, detail?: string, input?: IndicatorInput) => {
    const message = gapMessage(reason, owner, detail);
    return {
      row: {
        ...base,
        reportedCode: null,
        kind,
        ...partsOf(input),
        achievement: null,
        display: '-',
        met: null,
        explanation: message,
        source: reason === 'invalid' ? ('invalid' as const) : ('missing' as const),
      },
      gap: { code: indicator.code, name: indicator.name, reason, ...owner, message },
    };
  };
  let input: IndicatorInput | undefined;
  let kind: IndicatorKind = indicator.kind;
  let source: RowSource = 'submitted';
  if (indicator.derived !== undefined) {
    if (facts === undefined) return missing('noAuditData', kind);
    const derived = derivedInput(indicator.code, facts);
    if (!derived.ok) return missing('invalid', kind, derived.issues.map((i) => i.message).join(' '));
    input = derived.value;
    source = 'derived';
  } else if (value !== undefined) {
    input = value.input;
    kind = value.reportedKind;
  } else {
    return missing(owner.unitCode === null ? 'noUnitForRole' : 'notSubmitted', kind);
  }
  const result = evaluateIndicatorKind(kind, input, { decimals: printedDecimals });
  if (!result.ok) return missing('invalid', kind, result.issues.map((i) => i.message).join(' '), input);
  return {
    row: {
      ...base,
      reportedCode: value !== undefined && value.reportedCode !== indicator.code ? value.reportedCode : null,
      kind,
      ...partsOf(input),
      achievement: result.value,
      display: result.value.display,
      detail: detailOf(result.value, printedDecimals),
      met: targetMet(indicator, kind, result.value),
      explanation:
        source === 'derived' ? 'Dihitung otomatis dari data Audit Kasus Stunting' : explanationOf(kind, result.value),
      source: result.value.status === 'notAvailable' ? 'notAvailable' : source,
    },
  };
}

/**
 * The sub-rows of an indicator (000 Tabel 2 prints `Pilar 1. A3_a` and `_b` beneath `Pilar 1. A3`):
 * shown when entered, "-" otherwise; the parent's own row decides the gap.
 */
function compileSubRows(
  parent: Indicator,
  catalogue: readonly Indicator[],
  values: ReadonlyMap<string, ReportedValue>,
  owner: Owner,
): ReportRow[] {
  return subRowsOf(parent.code, catalogue).map(
    (child) => compileRow(child, values.get(child.code), undefined, owner).row,
  );
}

function inSemester(item: CalendarItem, semester: 1 | 2): boolean {
  const [first, last] = semester === 1 ? [1, 6] : [7, 12];
  return item.windows.value.some((w) => w.start.month <= last && w.end.month >= first);
}

function periodText(item: CalendarItem): string {
  return item.windows.value
    .map((w) =>
      w.start.month === w.end.month
        ? indonesianMonthNames[w.start.month - 1]
        : `${indonesianMonthNames[w.start.month - 1]} - ${indonesianMonthNames[w.end.month - 1]}`,
    )
    .join(', ');
}

function tppsActivitiesOf(
  semester: 1 | 2,
  units: readonly CollectingUnit[],
  actions: readonly ActionProgress[] | null,
  audits: readonly AuditProgress[],
): TppsActivity[] {
  return nationalTemplate.calendar
    .filter((item) => inSemester(item, semester))
    .map((item) => {
      const owner = units.find((u) => u.roles.includes(item.owner.value));
      let status = 'terjadwal';
      const action = actions?.find((a) => a.code === item.relatesTo);
      if (action !== undefined) status = action.statusLabel;
      if (item.relatesTo === 'AKS') {
        const audit = audits.find((a) => a.semester === semester);
        if (audit !== undefined) status = audit.status;
      }
      return {
        code: item.code,
        title: item.title.id,
        owner: owner?.name ?? item.owner.value,
        period: periodText(item),
        status,
      };
    });
}

const formatInteger = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * Compiles the semester report from the period's data. Pure: the caller reads the data (API from
 * the database, tests from the seed tables); every achievement is computed by libs/domain, 0/0 is
 * "tidak dapat dihitung", derived indicators come from the audit facts, and every indicator
 * without a value is listed as a gap with the unit that owes it.
 */
export function compileSemesterReport(input: SemesterReportInput): SemesterReport {
  const catalogue = input.catalogue ?? indicatorCatalogue;
  const plan = semesterCollectionPlan(input.units, catalogue);
  const facts = auditFactsFrom(input.audits, input.semester);
  const values = new Map(input.values.map((v) => [v.code, v]));
  const rows = new Map<IndicatorBlock, ReportRow[]>();
  const gaps: ReportGap[] = [];
  for (const indicator of semesterReportIndicators(catalogue)) {
    const owner = ownerOf(indicator, plan, input.units);
    const compiled = compileRow(indicator, values.get(indicator.code), facts, owner);
    const row = { ...compiled.row, subRows: compileSubRows(indicator, catalogue, values, owner) };
    const gap = compiled.gap;
    const block = indicator.codes[0]?.block ?? '3B';
    rows.set(block, [...(rows.get(block) ?? []), row]);
    if (gap) gaps.push(gap);
  }
  const coverage = catalogue
    .filter((i) => i.codes[0]?.block === 'TABEL_1_1' && values.has(i.code))
    .map((i) => compileRow(i, values.get(i.code), facts, ownerOf(i, plan, input.units)).row);

  const blocks: ReportBlock[] = topBlocks.map((top) => ({
    number: top.number,
    title: top.title,
    sections: top.blocks.map((block) => ({ block, title: blockTitles[block], rows: rows.get(block) ?? [] })),
  }));
  const all = blocks.flatMap((b) => b.sections.flatMap((s) => s.rows));
  const filled = all.filter((r) => r.achievement !== null);
  const met = all.filter((r) => r.met === true).length;
  const notMet = all.filter((r) => r.met === false).length;
  const notComputable = all.filter((r) => r.achievement?.status === 'notComputable').length;
  const notAvailable = all.filter((r) => r.achievement?.status === 'notAvailable').length;

  const byUnit = new Map<string, { unitCode: string | null; unitName: string; codes: string[] }>();
  for (const gap of gaps) {
    const key = gap.unitCode ?? `role:${gap.role}`;
    const entry = byUnit.get(key) ?? {
      unitCode: gap.unitCode,
      unitName: gap.unitName ?? `(belum ada unit untuk peran ${roleByCode(gap.role).title.id})`,
      codes: [],
    };
    entry.codes.push(gap.code);
    byUnit.set(key, entry);
  }
  const gapsByUnit = [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName));
  const notes = reportNotes(input.values, catalogue);
  const unconfirmed = notes.filter((n) => n.confirmationNote === null).length;
  const budget = integrationMatrix(input.plannedActivities);
  const semesterText = input.semester === 1 ? 'I' : 'II';
  const text = [
    `Laporan Semester ${semesterText} Tahun ${input.year} ${input.regency.name} memuat ${all.length} indikator; ` +
      `${filled.length} sudah terisi dan ${gaps.length} belum.`,
    `${met} indikator mencapai target nasional, ${notMet} belum mencapai target, ` +
      `${notComputable} tidak dapat dihitung (penyebut 0)` +
      (notAvailable > 0 ? `, ${notAvailable} dinyatakan data tidak tersedia.` : '.'),
    gapsByUnit.length > 0
      ? `Unit yang belum melengkapi data: ${gapsByUnit.map((g) => `${g.unitName} (${g.codes.length})`).join(', ')}.`
      : 'Semua unit telah melengkapi data indikator.',
    `Rencana kegiatan Aksi 2: ${budget.total.activities} kegiatan dengan anggaran Rp ${formatInteger(budget.total.budget)}.`,
    ...(notes.length > 0
      ? [
          `${notes.length} nilai diberi peringatan kewajaran data` +
            (unconfirmed > 0
              ? `, ${unconfirmed} belum dikonfirmasi (lihat Catatan).`
              : '; semuanya telah dikonfirmasi.'),
        ]
      : []),
  ];

  return {
    regency: input.regency,
    year: input.year,
    semester: input.semester,
    generatedAt: input.generatedAt,
    summary: {
      indicators: all.length,
      filled: filled.length,
      met,
      notMet,
      notComputable,
      notAvailable,
      gaps: gaps.length,
      unitsWithGaps: gapsByUnit.map((g) => g.unitName),
      text,
    },
    blocks,
    coverage,
    gaps,
    gapsByUnit,
    auditFacts: facts ?? null,
    tppsActivities: tppsActivitiesOf(input.semester, input.units, input.actions, input.audits),
    actions: input.actions,
    audits: input.audits
      .filter((a) => a.semester <= input.semester)
      .map((a) => ({ semester: a.semester, templateCode: a.templateCode, status: a.status, stages: auditStages(a) })),
    budget,
    plannedActivities: input.plannedActivities,
    lokus: input.lokus,
    collectionPlan: plan,
    notes,
  };
}

function reportNotes(values: readonly ReportedValue[], catalogue: readonly Indicator[]): ReportNote[] {
  const order = new Map(catalogue.map((indicator, i) => [indicator.code, i]));
  const names = new Map(catalogue.map((indicator) => [indicator.code, indicator.name]));
  return values
    .filter((v) => (v.warnings ?? []).length > 0)
    .sort((a, b) => (order.get(a.code) ?? Infinity) - (order.get(b.code) ?? Infinity))
    .map((v) => ({
      code: v.code,
      name: names.get(v.code) ?? v.code,
      warnings: v.warnings ?? [],
      confirmationNote: v.confirmationNote ?? null,
    }));
}

/** Every row of blocks 1–3 in order. */
export function reportRows(report: SemesterReport): ReportRow[] {
  return report.blocks.flatMap((b) => b.sections.flatMap((s) => s.rows));
}
