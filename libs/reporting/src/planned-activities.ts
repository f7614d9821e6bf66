/**
 * Aksi 2's planned activities (rencana kegiatan) and the integration matrix of 004 Tabel 2.4/2.5:
 * each activity tracked into RKPD, Renja OPD, KUA-PPAS and RKA, with the budget by unit and by
 * funding source (sumber dana).
 */

/**
 * Funding sources as the seeds print them: 004 §Aksi 1-2 ("APBN, APBD Prov, APBD Kab/Kota termasuk
 * DAK, dan Dana Desa"), 000 Tabel 4 (APBD, APBN, DAK NON-FISIK) and 003's budget table (APBD, APBN,
 * DAK, DAK NON-FISIK, BANKEU PROV). Provincial financial aid (bankeu) is provincial money.
 */
export const fundingSources = [
  'apbd_kabupaten_kota',
  'apbd_provinsi',
  'apbn',
  'dak_fisik',
  'dak_non_fisik',
  'dana_desa',
  'lainnya',
] as const;
export type FundingSource = (typeof fundingSources)[number];

export const fundingSourceLabel: Readonly<Record<FundingSource, string>> = {
  apbd_kabupaten_kota: 'APBD Kabupaten/Kota',
  apbd_provinsi: 'APBD Provinsi (termasuk Bankeu Provinsi)',
  apbn: 'APBN',
  dak_fisik: 'DAK Fisik',
  dak_non_fisik: 'DAK Non-Fisik',
  dana_desa: 'Dana Desa/APBDes',
  lainnya: 'Sumber lain (CSR, BAZNAS, mitra)',
};

/** The planning and budgeting documents an activity must reach (004 Aksi 2 Tahap 5). */
export const planningDocuments = ['rkpd', 'renja', 'kuaPpas', 'rka'] as const;
export type PlanningDocument = (typeof planningDocuments)[number];

export const planningDocumentLabel: Readonly<Record<PlanningDocument, string>> = {
  rkpd: 'RKPD',
  renja: 'Renja OPD',
  kuaPpas: 'KUA-PPAS',
  rka: 'RKA OPD',
};

/** Where an activity stands in one document: not yet, proposed, or included (with its reference). */
export const trackingStatuses = ['belum', 'diusulkan', 'tercantum'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

export const interventions = ['spesifik', 'sensitif'] as const;
export type Intervention = (typeof interventions)[number];

export interface DocumentTracking {
  readonly status: TrackingStatus;
  /** The document's number or page, e.g. "Perwali 12/2024 hal. 45"; required once included. */
  readonly reference: string | null;
}

export interface PlannedActivity {
  readonly id: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly name: string;
  readonly intervention: Intervention;
  readonly target: string;
  readonly location: string;
  /** Rupiah, a whole non-negative number. */
  readonly budget: number;
  readonly fundingSource: FundingSource;
  readonly tracking: Readonly<Record<PlanningDocument, DocumentTracking>>;
}

export interface DocumentTotals {
  /** Activities included (tercantum) in the document. */
  readonly included: number;
  readonly includedBudget: number;
  readonly proposed: number;
}

export interface UnitMatrixRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly activities: number;
  readonly budget: number;
  readonly documents: Readonly<Record<PlanningDocument, DocumentTotals>>;
  readonly budgetBySource: Readonly<Record<FundingSource, number>>;
}

export interface IntegrationMatrix {
  readonly units: readonly UnitMatrixRow[];
  readonly total: Omit<UnitMatrixRow, 'unitCode' | 'unitName'>;
  readonly budgetByIntervention: Readonly<Record<Intervention, number>>;
}

function zeroSources(): Record<FundingSource, number> {
  return Object.fromEntries(fundingSources.map((s) => [s, 0])) as Record<FundingSource, number>;
}

function zeroDocuments(): Record<PlanningDocument, DocumentTotals> {
  return Object.fromEntries(
    planningDocuments.map((d) => [d, { included: 0, includedBudget: 0, proposed: 0 }]),
  ) as Record<PlanningDocument, DocumentTotals>;
}

interface MutableRow {
  unitCode: string;
  unitName: string;
  activities: number;
  budget: number;
  documents: Record<PlanningDocument, DocumentTotals>;
  budgetBySource: Record<FundingSource, number>;
}

function add(row: MutableRow, activity: PlannedActivity): void {
  row.activities += 1;
  row.budget += activity.budget;
  row.budgetBySource[activity.fundingSource] += activity.budget;
  for (const document of planningDocuments) {
    const tracked = activity.tracking[document];
    const totals = row.documents[document];
    row.documents[document] = {
      included: totals.included + (tracked.status === 'tercantum' ? 1 : 0),
      includedBudget: totals.includedBudget + (tracked.status === 'tercantum' ? activity.budget : 0),
      proposed: totals.proposed + (tracked.status === 'diusulkan' ? 1 : 0),
    };
  }
}

/**
 * The integration matrix: per unit the activities, their budget, how many (and how much budget)
 * reached each document, and the budget by funding source; plus the totals. Units in code order.
 */
export function integrationMatrix(activities: readonly PlannedActivity[]): IntegrationMatrix {
  const rows = new Map<string, MutableRow>();
  const total: MutableRow = {
    unitCode: '',
    unitName: '',
    activities: 0,
    budget: 0,
    documents: zeroDocuments(),
    budgetBySource: zeroSources(),
  };
  const budgetByIntervention: Record<Intervention, number> = { spesifik: 0, sensitif: 0 };
  for (const activity of activities) {
    const row = rows.get(activity.unitCode) ?? {
      unitCode: activity.unitCode,
      unitName: activity.unitName,
      activities: 0,
      budget: 0,
      documents: zeroDocuments(),
      budgetBySource: zeroSources(),
    };
    add(row, activity);
    add(total, activity);
    budgetByIntervention[activity.intervention] += activity.budget;
    rows.set(activity.unitCode, row);
  }
  return {
    units: [...rows.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
    total: {
      activities: total.activities,
      budget: total.budget,
      documents: total.documents,
      budgetBySource: total.budgetBySource,
    },
    budgetByIntervention,
  };
}
