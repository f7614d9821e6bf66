import type { AuditFacts } from '../indicators/evaluate';

/** What one audit (one regency, year and semester) has established, from its completed stages. */
export interface AksAuditRecordFacts {
  year: number;
  semester: number;
  /** Milestones of the template stages that are done (auditTeamFormed, auditHeld…). */
  milestones: readonly string[];
  /** Follow-up tasks created from the audit's accepted recommendations. */
  followUpTasks: number;
  /** The SOP variant has no team-formation stage; a roster with both teams counts as a team. */
  hasTeamRoster: boolean;
}

/**
 * The facts the semester report derives its AKS indicators from (003 Blok 3B Indikator 4-7,
 * Blok 2E Indikator 8), counted over the audits of `year` up to and including `semester`, so the
 * first semester reports 1 of 2 audits and the second the year's total:
 * - hasAuditTeam: a team was formed (decree stage done) or a roster of both teams exists;
 * - auditsHeld: audits whose analysis stage (milestone auditHeld) is done;
 * - auditsFollowedUp: audits whose follow-up plan is done and turned into at least one task;
 * - auditsDisseminated: audits with a dissemination done (a second dissemination of the same audit
 *   does not count twice).
 */
export function aksAuditFacts(audits: readonly AksAuditRecordFacts[], year: number, semester: number): AuditFacts {
  const inPeriod = audits.filter((a) => a.year === year && a.semester <= semester);
  const has = (a: AksAuditRecordFacts, milestone: string) => a.milestones.includes(milestone);
  return {
    hasAuditTeam: inPeriod.some((a) => has(a, 'auditTeamFormed') || a.hasTeamRoster),
    auditsHeld: inPeriod.filter((a) => has(a, 'auditHeld')).length,
    auditsFollowedUp: inPeriod.filter((a) => has(a, 'followUpPlanned') && a.followUpTasks > 0).length,
    auditsDisseminated: inPeriod.filter((a) => has(a, 'disseminated')).length,
  };
}
