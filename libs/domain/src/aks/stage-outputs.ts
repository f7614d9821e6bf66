/**
 * What each AKS stage must have produced before it may close. Imported by the AKS workflow through
 * the narrow `@konvergensi/domain/aks-stages` entry point, so it imports nothing.
 *
 * A stage's requirements follow from its deliverables in the template (data): the workflow walks
 * whatever stages the chosen template lists, and the validator of `completeStage` checks the
 * evidence the API counted against these requirements.
 */

/** One thing a stage must have produced. */
export type AksRequirement =
  | { kind: 'document'; code: string; title: string }
  | { kind: 'team' }
  | { kind: 'cases' }
  | { kind: 'remeasurement' }
  | { kind: 'analysis' }
  | { kind: 'expertSignoff' }
  | { kind: 'followUpPlan' }
  | { kind: 'monitoring'; months: number }
  | { kind: 'report' };

/** What the records hold for an audit when a stage is closed, counted by the API. */
export interface AksStageEvidence {
  /** Deliverable codes with at least one uploaded document. */
  documents: string[];
  technicalMembers: number;
  expertMembers: number;
  /** Roster members without an active account of the regency with the matching AKS role. */
  membersWithoutAccount: number;
  /** Technical-team members flagged as the AKS lead. */
  leads: number;
  cases: number;
  casesRemeasured: number;
  /** Cases with at least one finding, one likely cause and one recommendation. */
  casesAnalysed: number;
  casesSignedOff: number;
  acceptedRecommendations: number;
  /** Accepted recommendations with a follow-up task for a unit. */
  recommendationsWithTask: number;
  /** Cases with a monitoring record for every month that has opened. */
  casesMonitored: number;
  /** Monitoring months opened so far (the workflow's timers). */
  monitoringMonthsOpen: number;
  reportStatus: 'none' | 'compiled' | 'approved' | 'submitted';
}

export const emptyAksEvidence: AksStageEvidence = {
  documents: [],
  technicalMembers: 0,
  expertMembers: 0,
  membersWithoutAccount: 0,
  leads: 0,
  cases: 0,
  casesRemeasured: 0,
  casesAnalysed: 0,
  casesSignedOff: 0,
  acceptedRecommendations: 0,
  recommendationsWithTask: 0,
  casesMonitored: 0,
  monitoringMonthsOpen: 0,
  reportStatus: 'none',
};

/** A deliverable of an AKS template stage as the requirement mapping needs it. */
export interface AksDeliverableRef {
  code: string;
  kind: 'document' | 'dataTable' | 'signature' | 'minutes';
  title: string;
}

/**
 * Deliverable codes of the AKS templates whose output is more than an uploaded file. Codes not
 * listed here are documents (a decree, minutes, a plan) that must be uploaded.
 */
const structuredOutputs: Record<string, (months: number) => AksRequirement[]> = {
  // 003 tahap 1: the decree (uploaded) and the roster of both teams with accounts.
  AKS_SK: () => [{ kind: 'team' }],
  // 003 tahap 2: the cases of each target group and their re-measurement.
  AKS_DATA_SASARAN: () => [{ kind: 'cases' }, { kind: 'remeasurement' }],
  // 003 tahap 3: per case findings, causes and recommendations, signed off by the experts.
  AKS_REKOMENDASI: () => [{ kind: 'analysis' }, { kind: 'expertSignoff' }],
  // 003 tahap 4: every accepted recommendation is a follow-up task.
  AKS_RTL: () => [{ kind: 'followUpPlan' }],
  AKS_LAPORAN: () => [{ kind: 'report' }],
  // The SOP variant.
  AKS_SOP_KASUS: () => [{ kind: 'cases' }],
  AKS_SOP_LEMBAR: () => [{ kind: 'remeasurement' }],
  AKS_SOP_RTL: () => [{ kind: 'analysis' }, { kind: 'expertSignoff' }, { kind: 'followUpPlan' }],
  AKS_SOP_PEMANTAUAN: (months) => [{ kind: 'monitoring', months }],
  AKS_SOP_LAPORAN: () => [{ kind: 'report' }],
};

/** The decree of 003 tahap 1 is both a structured output (the roster) and an uploaded file. */
const alsoUploaded = new Set(['AKS_SK']);

/** The requirements of a stage from its deliverables; `months` is its monthly recurrence, if any. */
export function aksStageRequirements(deliverables: readonly AksDeliverableRef[], months = 0): AksRequirement[] {
  const requirements: AksRequirement[] = [];
  for (const deliverable of deliverables) {
    const structured = structuredOutputs[deliverable.code];
    if (!structured || alsoUploaded.has(deliverable.code)) {
      requirements.push({ kind: 'document', code: deliverable.code, title: deliverable.title });
    }
    if (structured) requirements.push(...structured(months));
  }
  return requirements;
}

/** The codes of documents a template's stages ask to be uploaded. */
export function aksDocumentCodes(requirements: readonly AksRequirement[]): string[] {
  return requirements.flatMap((r) => (r.kind === 'document' ? [r.code] : []));
}

/**
 * What is still missing for a stage to close, as Indonesian sentences; empty when it may close.
 * Counts only, so the messages never carry a name.
 */
export function missingAksOutputs(requirements: readonly AksRequirement[], e: AksStageEvidence): string[] {
  const missing: string[] = [];
  for (const r of requirements) {
    switch (r.kind) {
      case 'document':
        if (!e.documents.includes(r.code)) missing.push(`Dokumen "${r.title}" belum diunggah.`);
        break;
      case 'team':
        if (e.technicalMembers < 1) missing.push('Susunan Tim Teknis AKS belum diisi.');
        if (e.expertMembers < 1) missing.push('Susunan Tim Pakar AKS belum diisi.');
        if (e.leads !== 1) missing.push('Tetapkan tepat satu ketua (lead) Tim Teknis AKS.');
        if (e.membersWithoutAccount > 0)
          missing.push(`${e.membersWithoutAccount} anggota tim belum memiliki akun dengan peran AKS yang sesuai.`);
        break;
      case 'cases':
        if (e.cases < 1) missing.push('Belum ada kasus sasaran yang diimpor atau dicatat.');
        break;
      case 'remeasurement':
        if (e.casesRemeasured < e.cases)
          missing.push(`${e.cases - e.casesRemeasured} dari ${e.cases} kasus belum diukur ulang.`);
        break;
      case 'analysis':
        if (e.cases < 1) missing.push('Belum ada kasus untuk dianalisis.');
        else if (e.casesAnalysed < e.cases)
          missing.push(
            `${e.cases - e.casesAnalysed} dari ${e.cases} kasus belum memiliki temuan, penyebab dan rekomendasi.`,
          );
        break;
      case 'expertSignoff':
        if (e.casesSignedOff < e.cases)
          missing.push(`${e.cases - e.casesSignedOff} dari ${e.cases} kasus belum disetujui Tim Pakar.`);
        break;
      case 'followUpPlan':
        if (e.acceptedRecommendations < 1) missing.push('Belum ada rekomendasi yang diterima ke dalam RTL.');
        else if (e.recommendationsWithTask < e.acceptedRecommendations)
          missing.push(
            `${e.acceptedRecommendations - e.recommendationsWithTask} rekomendasi RTL belum menjadi tugas tindak lanjut.`,
          );
        break;
      case 'monitoring':
        if (e.monitoringMonthsOpen < r.months)
          missing.push(`Pemantauan bulanan baru berjalan ${e.monitoringMonthsOpen} dari ${r.months} bulan.`);
        else if (e.casesMonitored < e.cases)
          missing.push(
            `${e.cases - e.casesMonitored} dari ${e.cases} kasus belum memiliki hasil pemantauan setiap bulan.`,
          );
        break;
      case 'report':
        if (e.reportStatus !== 'submitted')
          missing.push(
            e.reportStatus === 'none'
              ? 'Laporan AKS belum disusun.'
              : e.reportStatus === 'compiled'
                ? 'Laporan AKS belum disetujui Ketua TPPS.'
                : 'Laporan AKS belum ditandai terkirim ke TPPS Provinsi.',
          );
        break;
    }
  }
  return missing;
}
