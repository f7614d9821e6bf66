import {
  aksAuditFacts,
  nationalTemplate,
  type AksTemplate,
  type AuditFacts,
  type Milestone,
} from '@konvergensi/domain';

/**
 * One stunting case audit as the report reads it from `aks_audit`. The AKS workflow keeps these
 * rows current; the report reads them defensively: unknown templates or stages count as nothing
 * done rather than failing the report.
 */
export interface AuditProgress {
  readonly semester: number;
  readonly templateCode: string;
  readonly currentStage: string | null;
  readonly status: string;
  /** Milestones the workflow recorded explicitly, when it records them. */
  readonly milestones?: readonly string[];
  /** Follow-up tasks started from the audit's recommendations; unknown when not read. */
  readonly followUpTasks?: number;
  /** Whether the roster names both the technical team and the expert panel. */
  readonly hasTeamRoster?: boolean;
}

/** Statuses that mean every stage of the audit is done. */
const finishedStatuses = new Set(['done', 'completed', 'finished', 'reported', 'submitted', 'selesai']);

export interface AuditStageView {
  readonly code: string;
  readonly title: string;
  readonly state: 'selesai' | 'berjalan' | 'belum';
}

function templateOf(code: string, templates: readonly AksTemplate[]): AksTemplate | undefined {
  return templates.find((t) => t.code === code);
}

/** The stages of an audit with their state: before the current stage done, the current one running. */
export function auditStages(
  audit: AuditProgress,
  templates: readonly AksTemplate[] = nationalTemplate.aks,
): AuditStageView[] {
  const template = templateOf(audit.templateCode, templates);
  if (template === undefined) return [];
  const finished = finishedStatuses.has(audit.status.toLowerCase());
  const current = template.stages.find((s) => s.code === audit.currentStage);
  return [...template.stages]
    .sort((a, b) => a.order - b.order)
    .map((stage) => {
      let state: AuditStageView['state'] = 'belum';
      if (finished || (current !== undefined && stage.order < current.order)) state = 'selesai';
      else if (current !== undefined && stage.order === current.order) state = 'berjalan';
      return { code: stage.code, title: stage.title.id, state };
    });
}

function milestonesOf(audit: AuditProgress, templates: readonly AksTemplate[]): Set<Milestone | string> {
  const reached = new Set<Milestone | string>(audit.milestones ?? []);
  const template = templateOf(audit.templateCode, templates);
  if (template === undefined) return reached;
  const done = new Set(
    auditStages(audit, templates)
      .filter((s) => s.state === 'selesai')
      .map((s) => s.code),
  );
  for (const stage of template.stages) {
    if (done.has(stage.code)) for (const milestone of stage.milestones ?? []) reached.add(milestone);
  }
  return reached;
}

/**
 * The audit facts of a year up to a semester: the first semester's report counts the first audit,
 * the second semester's both. `undefined` when no audit of the period is recorded at all, so the
 * report shows the derived indicators as missing instead of as zero.
 */
export function auditFactsFrom(
  audits: readonly AuditProgress[],
  semester: 1 | 2,
  templates: readonly AksTemplate[] = nationalTemplate.aks,
): AuditFacts | undefined {
  const relevant = audits.filter((a) => a.semester <= semester);
  if (relevant.length === 0) return undefined;
  // The AKS rules of libs/domain decide (as GET …/aks/facts does): an audit counts as followed up
  // once its plan is done and a follow-up task exists; unknown task counts trust the milestone.
  return aksAuditFacts(
    relevant.map((audit) => {
      const milestones = [...milestonesOf(audit, templates)].map(String);
      return {
        year: 0,
        semester: audit.semester,
        milestones,
        followUpTasks: audit.followUpTasks ?? (milestones.includes('followUpPlanned') ? 1 : 0),
        hasTeamRoster: audit.hasTeamRoster ?? false,
      };
    }),
    0,
    semester,
  );
}
