import { type DomainIssue, type Result } from '../common/issues';
import { type LocalDate } from '../calendar/local-date';
import { formatDateId } from '../calendar/format-id';

/**
 * The steps of filing an action in the Ministry of Home Affairs' monitoring portal (Aksi Bangda),
 * in the order they happen: the regency enters the data, uploads the supporting documents, its
 * Bappeda admin verifies, the province reviews.
 */
export const portalMilestones = [
  'data_entered',
  'documents_uploaded',
  'verified_by_bappeda',
  'reviewed_by_province',
] as const;
export type PortalMilestone = (typeof portalMilestones)[number];

export const portalMilestoneLabel: Readonly<Record<PortalMilestone, string>> = {
  data_entered: 'Data diinput ke Aksi Bangda',
  documents_uploaded: 'Dokumen pendukung diunggah',
  verified_by_bappeda: 'Diverifikasi admin Bappeda',
  reviewed_by_province: 'Direviu provinsi',
};

export interface RecordedMilestone {
  readonly milestone: PortalMilestone;
  readonly reachedOn: LocalDate;
}

/**
 * Checks that recording `next` keeps the milestones in order: every earlier milestone is recorded
 * on or before its date, every later one already recorded on or after it, and the date is not in
 * the future. Recording the same milestone again (a repeated PUT) is a correction, checked the same way.
 */
export function checkPortalMilestone(
  recorded: readonly RecordedMilestone[],
  next: RecordedMilestone,
  today: LocalDate,
): Result<RecordedMilestone> {
  const issues: DomainIssue[] = [];
  const position = portalMilestones.indexOf(next.milestone);
  if (next.reachedOn > today) {
    issues.push({
      code: 'MILESTONE_IN_FUTURE',
      message: `Tanggal ${formatDateId(next.reachedOn)} belum terjadi; catat tahapan portal setelah tercapai.`,
    });
  }
  for (const earlier of portalMilestones.slice(0, position)) {
    const row = recorded.find((r) => r.milestone === earlier);
    if (row === undefined) {
      issues.push({
        code: 'MILESTONE_OUT_OF_ORDER',
        message: `Tahap "${portalMilestoneLabel[next.milestone]}" hanya dapat dicatat setelah tahap "${portalMilestoneLabel[earlier]}".`,
      });
      break;
    }
    if (row.reachedOn > next.reachedOn) {
      issues.push({
        code: 'MILESTONE_BEFORE_PREVIOUS',
        message: `Tanggal ${formatDateId(next.reachedOn)} lebih awal dari tahap "${portalMilestoneLabel[earlier]}" (${formatDateId(row.reachedOn)}).`,
      });
    }
  }
  for (const later of portalMilestones.slice(position + 1)) {
    const row = recorded.find((r) => r.milestone === later);
    if (row !== undefined && row.reachedOn < next.reachedOn) {
      issues.push({
        code: 'MILESTONE_AFTER_NEXT',
        message: `Tanggal ${formatDateId(next.reachedOn)} lebih akhir dari tahap berikutnya "${portalMilestoneLabel[later]}" (${formatDateId(row.reachedOn)}).`,
      });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: next };
}
