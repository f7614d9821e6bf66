import type { UserRole } from '@konvergensi/contracts';
import type { Principal } from '../auth/principal';

/**
 * Who may see and change what, as pure functions of the caller. Every regency-scoped query goes
 * through these; a resource the caller may not read is answered as if it did not exist (404).
 */
export function hasRole(principal: Principal, ...roles: UserRole[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

export function isSystemAdmin(principal: Principal): boolean {
  return hasRole(principal, 'system_admin');
}

/** Regency codes start with their province code: `18.72` lies in province `18`. */
export function regencyInProvince(regencyCode: string, provinceCode: string): boolean {
  return regencyCode.startsWith(`${provinceCode}.`);
}

export function canReadRegency(principal: Principal, regencyCode: string): boolean {
  if (isSystemAdmin(principal)) return true;
  if (principal.regencyCode === regencyCode) return true;
  return (
    hasRole(principal, 'province_viewer') &&
    principal.provinceCode !== null &&
    regencyInProvince(regencyCode, principal.provinceCode)
  );
}

/** Changes to a regency's data: the system admin, or one of `roles` inside that regency. */
export function canWriteRegency(principal: Principal, regencyCode: string, roles: readonly UserRole[]): boolean {
  if (isSystemAdmin(principal)) return true;
  return principal.regencyCode === regencyCode && hasRole(principal, ...roles);
}

export interface TaskScope {
  regencyCode: string;
  assigneeUnitId: string;
  kind: string;
  /** The unit owning the task's cycle stage, when it belongs to one. */
  stageOwnerUnitId?: string | null;
}

/** The officer a substitute stands in for on this task's unit, if they are one today. */
export function substituteFor(principal: Principal, task: TaskScope): string | undefined {
  return principal.delegatedUnits.find((d) => d.unitId === task.assigneeUnitId)?.onBehalfOfUserId;
}

/** Leadership and province viewers see the regency's tasks; unit staff (and substitutes) their unit's. */
export function canReadTask(principal: Principal, task: TaskScope): boolean {
  if (substituteFor(principal, task) !== undefined && principal.regencyCode === task.regencyCode) return true;
  if (!canReadRegency(principal, task.regencyCode)) return false;
  if (isSystemAdmin(principal) || hasRole(principal, 'tpps_chair', 'tpps_secretary', 'province_viewer')) return true;
  if (hasRole(principal, 'opd_officer', 'opd_head') && principal.unitId === task.assigneeUnitId) return true;
  if (ownsTaskStage(principal, task)) return true;
  return hasRole(principal, 'aks_technical', 'aks_expert') && task.kind === 'aks_follow_up';
}

/**
 * Staff of the unit that owns a cycle stage, on the tasks of the other units taking part: the
 * stage owner reviews and approves their submissions (design: "the stage owner approves or returns
 * the submission"). Their own unit's task is decided by the TPPS secretariat, never by themselves.
 */
export function ownsTaskStage(principal: Principal, task: TaskScope): boolean {
  return (
    principal.regencyCode === task.regencyCode &&
    hasRole(principal, 'opd_officer', 'opd_head') &&
    principal.unitId !== null &&
    task.stageOwnerUnitId === principal.unitId &&
    task.assigneeUnitId !== principal.unitId
  );
}

/** Approving or returning a submission: the TPPS secretary and chair, or the stage's owner. */
export function canDecideSubmission(principal: Principal, task: TaskScope): boolean {
  return canCoordinate(principal, task.regencyCode) || ownsTaskStage(principal, task);
}

/** Submitting and asking for more time: the assignee unit's officers and head, or their substitute. */
export function canActAsAssignee(principal: Principal, task: TaskScope): boolean {
  if (principal.regencyCode !== task.regencyCode) return false;
  if (substituteFor(principal, task) !== undefined) return true;
  return hasRole(principal, 'opd_officer', 'opd_head') && principal.unitId === task.assigneeUnitId;
}

/** Approving, returning and reassigning: the TPPS secretary and chair of the regency. */
export function canCoordinate(principal: Principal, regencyCode: string): boolean {
  return canWriteRegency(principal, regencyCode, ['tpps_secretary', 'tpps_chair']);
}
