export interface TaskSummary {
  id: string;
  regencyCode: string;
  kind: string;
  title: string;
  description: string;
  status: string;
  unit: { id: string; code: string; name: string } | null;
  dueAt: string;
  overdue: boolean;
  escalationLevel: number;
  deliverables: { kind: string; title: string }[];
  cycleId: string | null;
  stageId: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface TaskEvent {
  id: string;
  kind: string;
  actorUserId: string | null;
  onBehalfOfUserId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface TaskDetail extends TaskSummary {
  events: TaskEvent[];
  /** What the API accepts from the caller on this task (absent from older servers). */
  permissions?: { canWork: boolean; canDecide: boolean; canCoordinate: boolean };
}

export interface TaskPage {
  items: TaskSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EvidenceFile {
  id: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
  downloadUrl: string;
}

export const closedStatuses = ['approved', 'cancelled', 'reassigned'];
