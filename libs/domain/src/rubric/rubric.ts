import { type Provenance, type Title } from '../common/provenance';

/**
 * The province's yearly performance assessment of the eight convergence actions (Penilaian Kinerja
 * 8 Aksi Konvergensi): each indicator graded A/B/C/D by a written rule, then a panel sets the final
 * grades. The seeds name the assessment (003 §D butir 18; 000 §1: Kota Metro "Terbaik 1 dari 15
 * Kabupaten Kota … kategori Aksi Konvergensi Terbaik … Penilaian Kinerja … Bappeda Provinsi
 * Lampung") but print no rubric, so every indicator and rule below is `assumed`, written as data a
 * province replaces for its year.
 */
export type Grade = 'A' | 'B' | 'C' | 'D';
export const grades: readonly Grade[] = ['A', 'B', 'C', 'D'];
export const gradePoints: Readonly<Record<Grade, number>> = { A: 4, B: 3, C: 2, D: 1 };

/** The facts a rule reads, one number per action. */
export type RubricMeasure =
  /** Share of the action's stages done, 0…1. */
  | 'stageShare'
  /** Stages that closed after their due instant or are late now. */
  | 'lateStages'
  /** Aksi Bangda portal milestones recorded, 0…4. */
  | 'portalMilestones'
  /** Approved deliverable files (evidence of approved tasks of its stages). */
  | 'approvedDeliverables';

/** One band of a rule: the grade when the measure is at least / at most the bound. */
export interface GradeBand {
  readonly grade: Exclude<Grade, 'D'>;
  readonly atLeast?: number;
  readonly atMost?: number;
}

export interface RubricIndicator {
  /** `AKSI_1.TAHAPAN` */
  readonly code: string;
  readonly actionCode: string;
  readonly title: Title;
  readonly measure: RubricMeasure;
  /** Checked A first; the first band the value falls in gives the grade; otherwise D. */
  readonly bands: readonly GradeBand[];
  /** The written rule as the assessors read it. */
  readonly rule: string;
  readonly provenance: Provenance;
}

export interface Rubric {
  readonly id: string;
  /** The first assessment year it applies to; a later rubric replaces it from its own year. */
  readonly fromYear: number;
  readonly title: Title;
  readonly indicators: readonly RubricIndicator[];
  readonly provenance: Provenance;
}

const assumedNote =
  'the seeds name the provincial assessment but print no rubric; indicator and rule assumed from the guide (004) and the Aksi Bangda portal steps';

const actionNames: readonly [string, string][] = [
  ['AKSI_1', 'Analisis Situasi'],
  ['AKSI_2', 'Rencana Kegiatan'],
  ['AKSI_3', 'Rembuk Stunting'],
  ['AKSI_4', 'Peraturan Bupati/Wali Kota tentang Peran Desa/Kelurahan'],
  ['AKSI_5', 'Pembinaan Kader Pembangunan Manusia'],
  ['AKSI_6', 'Sistem Manajemen Data'],
  ['AKSI_7', 'Pengukuran dan Publikasi Data Stunting'],
  ['AKSI_8', 'Reviu Kinerja Tahunan'],
];

function indicatorsOf(actionCode: string, name: string): RubricIndicator[] {
  const provenance: Provenance = { source: 'assumed', note: assumedNote };
  return [
    {
      code: `${actionCode}.TAHAPAN`,
      actionCode,
      title: { id: `${name}: kelengkapan tahapan`, en: `${actionCode}: stages completed` },
      measure: 'stageShare',
      bands: [
        { grade: 'A', atLeast: 1 },
        { grade: 'B', atLeast: 0.75 },
        { grade: 'C', atLeast: 0.5 },
      ],
      rule: 'A: semua tahapan selesai; B: sekurang-kurangnya 75% tahapan selesai; C: sekurang-kurangnya 50%; D: kurang dari 50%.',
      provenance,
    },
    {
      code: `${actionCode}.KETEPATAN`,
      actionCode,
      title: { id: `${name}: ketepatan waktu`, en: `${actionCode}: timeliness` },
      measure: 'lateStages',
      bands: [
        { grade: 'A', atMost: 0 },
        { grade: 'B', atMost: 1 },
        { grade: 'C', atMost: 2 },
      ],
      rule: 'A: tidak ada tahapan terlambat; B: satu tahapan terlambat; C: dua tahapan terlambat; D: lebih dari dua.',
      provenance,
    },
    {
      code: `${actionCode}.PELAPORAN`,
      actionCode,
      title: { id: `${name}: pelaporan pada Aksi Bangda`, en: `${actionCode}: filed in the Aksi Bangda portal` },
      measure: 'portalMilestones',
      bands: [
        { grade: 'A', atLeast: 4 },
        { grade: 'B', atLeast: 3 },
        { grade: 'C', atLeast: 2 },
      ],
      rule: 'A: sudah direviu provinsi; B: sudah diverifikasi admin Bappeda; C: data dan dokumen pendukung sudah diunggah; D: belum lengkap diunggah.',
      provenance,
    },
    {
      code: `${actionCode}.DOKUMEN`,
      actionCode,
      title: { id: `${name}: dokumen keluaran disetujui`, en: `${actionCode}: approved deliverables` },
      measure: 'approvedDeliverables',
      bands: [
        { grade: 'A', atLeast: 3 },
        { grade: 'B', atLeast: 2 },
        { grade: 'C', atLeast: 1 },
      ],
      rule: 'A: tiga dokumen keluaran atau lebih disetujui; B: dua; C: satu; D: belum ada dokumen keluaran yang disetujui.',
      provenance,
    },
  ];
}

/** The default rubric: four indicators for each of the eight actions. */
export const defaultProvincialRubric: Rubric = {
  id: 'penilaian-kinerja-8-aksi',
  fromYear: 2022,
  title: {
    id: 'Penilaian Kinerja 8 Aksi Konvergensi Percepatan Penurunan Stunting',
    en: 'Performance assessment of the eight convergence actions',
  },
  indicators: actionNames.flatMap(([code, name]) => indicatorsOf(code, name)),
  provenance: {
    source: 'seed',
    cite: '003 §D butir 18 (Penilaian Kinerja 8 Aksi Konvergensi); 000 §1 (penilaian kinerja oleh Bappeda Provinsi Lampung)',
  },
};

/** Rubrics by the year they start to apply; a province adds its own for a new year here. */
export const provincialRubrics: readonly Rubric[] = [defaultProvincialRubric];

/** The rubric that applies to an assessment year: the latest one starting on or before it. */
export function rubricFor(year: number, rubrics: readonly Rubric[] = provincialRubrics): Rubric | undefined {
  return [...rubrics].filter((r) => r.fromYear <= year).sort((a, b) => b.fromYear - a.fromYear)[0];
}

/** The measures of one action, as the system knows them. */
export interface ActionRubricFacts {
  readonly actionCode: string;
  readonly stageShare: number;
  readonly lateStages: number;
  readonly portalMilestones: number;
  readonly approvedDeliverables: number;
}

export interface PrefilledGrade {
  readonly indicatorCode: string;
  readonly actionCode: string;
  readonly title: string;
  readonly rule: string;
  readonly measure: RubricMeasure;
  /** The fact the grade was read from; null when the regency has no cycle for the action. */
  readonly value: number | null;
  readonly grade: Grade | null;
}

/** The grade a rule gives a value: the first band (A, B, C…) it falls in, otherwise D. */
export function gradeFor(indicator: RubricIndicator, value: number): Grade {
  const band = indicator.bands.find(
    (b) => (b.atLeast === undefined || value >= b.atLeast) && (b.atMost === undefined || value <= b.atMost),
  );
  return band?.grade ?? 'D';
}

/** Pre-fills every indicator of the rubric from the facts; an action without facts stays ungraded. */
export function prefillRubric(rubric: Rubric, facts: readonly ActionRubricFacts[]): PrefilledGrade[] {
  return rubric.indicators.map((indicator) => {
    const action = facts.find((f) => f.actionCode === indicator.actionCode);
    const value = action === undefined ? null : action[indicator.measure];
    return {
      indicatorCode: indicator.code,
      actionCode: indicator.actionCode,
      title: indicator.title.id,
      rule: indicator.rule,
      measure: indicator.measure,
      value,
      grade: value === null ? null : gradeFor(indicator, value),
    };
  });
}

/**
 * The overall grade: the mean of the grade points (A 4 … D 1) of the graded indicators, rounded to
 * the nearest grade (halves up). Null when nothing is graded.
 */
export function overallGrade(gradesGiven: readonly (Grade | null)[]): { grade: Grade; points: number } | null {
  const graded = gradesGiven.filter((g): g is Grade => g !== null);
  if (graded.length === 0) return null;
  const points = Math.round((graded.reduce((sum, g) => sum + gradePoints[g], 0) / graded.length) * 100) / 100;
  const rounded = Math.floor(points + 0.5);
  const grade = (Object.entries(gradePoints).find(([, p]) => p === rounded)?.[0] ?? 'D') as Grade;
  return { grade, points };
}
