import { type TaskState } from './blockers';

export interface UnitTaskFacts {
  readonly unitCode: string;
  readonly unitName: string;
  readonly status: TaskState;
  readonly dueAt: Date;
  /** When the task was approved (its latest `approved` event, else its closing time); null if not approved. */
  readonly approvedAt: Date | null;
}

export interface UnitPerformance {
  readonly unit: { readonly code: string; readonly name: string };
  readonly openTasks: number;
  /** Open or returned tasks past their due instant. */
  readonly overdueTasks: number;
  /** Approved tasks: the closed work a unit answers for (cancelled and reassigned tasks do not count). */
  readonly closedTasks: number;
  readonly closedOnTime: number;
  /** closedOnTime / closedTasks as a percentage with one decimal; null before anything closed. */
  readonly onTimeRate: number | null;
}

/**
 * Per unit: open and overdue tasks, and the on-time rate — tasks approved on or before their due
 * instant over tasks approved. The due instant is the current one, so an approved extension moves
 * the bar, as the task lifecycle intends.
 */
export function unitPerformance(tasks: readonly UnitTaskFacts[], now: Date): UnitPerformance[] {
  const byUnit = new Map<string, { name: string; open: number; overdue: number; closed: number; onTime: number }>();
  for (const task of tasks) {
    const row = byUnit.get(task.unitCode) ?? { name: task.unitName, open: 0, overdue: 0, closed: 0, onTime: 0 };
    if (task.status === 'open' || task.status === 'returned' || task.status === 'submitted') row.open += 1;
    if ((task.status === 'open' || task.status === 'returned') && task.dueAt.getTime() < now.getTime())
      row.overdue += 1;
    if (task.status === 'approved') {
      row.closed += 1;
      if (task.approvedAt !== null && task.approvedAt.getTime() <= task.dueAt.getTime()) row.onTime += 1;
    }
    byUnit.set(task.unitCode, row);
  }
  return [...byUnit.entries()]
    .map(([code, row]) => ({
      unit: { code, name: row.name },
      openTasks: row.open,
      overdueTasks: row.overdue,
      closedTasks: row.closed,
      closedOnTime: row.onTime,
      onTimeRate: row.closed === 0 ? null : Math.round((row.onTime / row.closed) * 1000) / 10,
    }))
    .sort((a, b) => b.overdueTasks - a.overdueTasks || (a.unit.code < b.unit.code ? -1 : 1));
}
