import type { WorkStatus } from '../components/ui';

export interface ActionSummary {
  id: string;
  code: string;
  number: number;
  title: string;
  responsibleUnitCode: string | null;
  window: { start: string; end: string };
  status: WorkStatus;
  statusLabel: string;
  progress: { stagesDone: number; stagesTotal: number; percent: number };
}

export interface StageView {
  id: string;
  code: string;
  order: number;
  title: string;
  ownerUnitCode: string | null;
  status: WorkStatus;
  dueAt: string | null;
}

export interface CycleView {
  id: string;
  year: number;
  actions: (ActionSummary & { stages: StageView[] })[];
}

export interface Dashboard {
  regencyCode: string;
  regencyName: string;
  year: number | null;
  actions: ActionSummary[];
  units: {
    code: string;
    name: string;
    openTasks: number;
    overdueTasks: number;
    closedTasks: number;
    onTimeRate: number | null;
  }[];
  openEscalations: {
    taskId: string;
    title: string;
    unit: { code: string; name: string };
    dueAt: string;
    daysLate: number;
    escalationLevel: number;
  }[];
}

/** One "what is blocking" row, from the cycle status endpoint or derived from the dashboard. */
export interface Blocker {
  key: string;
  title: string;
  unitName: string;
  daysLate: number;
  escalationLevel: number | null;
  taskId: string | null;
}

export interface IndicatorValues {
  values: {
    code: string;
    name: string;
    kind: string;
    achievement: { status: string; value?: number | boolean; display: string };
    nationalTarget: string | null;
  }[];
}

/** The first number of a printed target ("90%", "≥ 14,3 %") as a value, for the chart's marker. */
export function targetValueOf(text: string | null): number | undefined {
  if (!text) return undefined;
  const match = /(\d+(?:[.,]\d+)?)/.exec(text);
  return match ? Number(match[1].replace(',', '.')) : undefined;
}

/**
 * Reads blockers from the cycle status endpoint when it exists; its shape is read defensively
 * (field names as the issue describes them), falling back to nothing.
 */
export function blockersFromStatus(status: unknown): Blocker[] | undefined {
  if (!status || typeof status !== 'object') return undefined;
  const list = (status as { blockers?: unknown }).blockers;
  if (!Array.isArray(list)) return undefined;
  return list.map((raw, index) => {
    const item = raw as Record<string, unknown>;
    const unit = item.unit as { name?: string } | undefined;
    const task = item.task as { id?: string; title?: string } | undefined;
    const stage = item.stage as { title?: string } | undefined;
    return {
      key: String(item.id ?? task?.id ?? index),
      title: String(stage?.title ?? item.stageTitle ?? task?.title ?? item.title ?? ''),
      unitName: String(unit?.name ?? item.unitName ?? ''),
      daysLate: Number(item.daysLate ?? 0),
      escalationLevel: item.escalationLevel === undefined ? null : Number(item.escalationLevel),
      taskId: (task?.id ?? item.taskId ?? null) as string | null,
    };
  });
}

export function focusVillagesFromStatus(status: unknown): { name: string; reason?: string }[] | undefined {
  if (!status || typeof status !== 'object') return undefined;
  const list = (status as { focusVillages?: unknown }).focusVillages;
  if (!Array.isArray(list)) return undefined;
  return list.map((raw) => {
    if (typeof raw === 'string') return { name: raw };
    const item = raw as Record<string, unknown>;
    return {
      name: String(item.name ?? item.villageName ?? item.code ?? ''),
      reason: item.reason as string | undefined,
    };
  });
}

/** GET /api/v1/regencies/{code}/cycles/{year}/status (the cycle status endpoint). */
export interface CycleStatus {
  regencyCode: string;
  regencyName: string;
  year: number;
  asOf: string;
  actions: (Omit<ActionSummary, 'responsibleUnitCode'> & {
    responsibleUnit: { code: string; name: string } | null;
    stages: {
      id: string;
      code: string;
      order: number;
      title: string;
      ownerUnit: { code: string; name: string } | null;
      status: ActionSummary['status'];
      dueAt: string | null;
      openedAt: string | null;
      closedAt: string | null;
    }[];
    portal?: { milestones: { milestone: string; label: string; reachedOn: string }[] };
  })[];
  blockers: {
    action: { code: string; number: number; title: string };
    stage: {
      id: string;
      code: string;
      title: string;
      ownerUnit: { code: string; name: string } | null;
      dueAt: string | null;
      daysLate: number | null;
    };
    tasks: {
      taskId: string;
      title: string;
      unit: { code: string; name: string };
      status: string;
      waitingFor: 'submission' | 'approval';
      dueAt: string;
      daysLate: number;
      escalationLevel: number;
    }[];
  }[];
  overdueByUnit: {
    unit: { code: string; name: string };
    count: number;
    tasks: { taskId: string; title: string; daysLate: number; escalationLevel: number }[];
  }[];
  units: {
    unit: { code: string; name: string };
    openTasks: number;
    overdueTasks: number;
    closedTasks: number;
    onTimeRate: number | null;
  }[];
  indicators: {
    semester: number | null;
    values: {
      code: string;
      name: string;
      achievement: { status: string; value?: number | boolean; display: string };
      target: string | null;
      targetValue: number | null;
      met: boolean | null;
    }[];
  };
  focusVillages: { source: string; decree?: string; villages: { code: string; name: string; rank: number }[] };
}
