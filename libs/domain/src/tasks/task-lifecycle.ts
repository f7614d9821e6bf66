/**
 * The life of a task (tugas): one unit, one deadline. Pure rules shared by the task workflow
 * (its Update validators) and the API, so both refuse the same things with the same words.
 *
 *   open ──submit──▶ submitted ──approve──▶ approved (closed)
 *    ▲                  │
 *    └────return────────┘        any open state ──cancel──▶ cancelled, ──reassign──▶ reassigned
 */
export const taskStatuses = ['open', 'submitted', 'approved', 'returned', 'cancelled', 'reassigned'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export type TaskAction =
  'submit' | 'approve' | 'return' | 'requestExtension' | 'decideExtension' | 'reassign' | 'cancel';

export const closedTaskStatuses: readonly TaskStatus[] = ['approved', 'cancelled', 'reassigned'];

export function isClosed(status: TaskStatus): boolean {
  return closedTaskStatuses.includes(status);
}

/** Whether the escalation ladder runs: only while the unit owes the work (open or returned). */
export function ladderRuns(status: TaskStatus): boolean {
  return status === 'open' || status === 'returned';
}

export interface TaskLifecycleState {
  status: TaskStatus;
  /** An extension request waiting for the secretary's decision. */
  pendingExtension: boolean;
}

export interface TransitionRefusal {
  /** Stable English code; the API answers it with 409. */
  code: string;
  /** Bahasa Indonesia, for the person who clicked. */
  message: string;
}

const statusLabel: Record<TaskStatus, string> = {
  open: 'terbuka',
  submitted: 'sudah dikirim dan menunggu persetujuan',
  approved: 'sudah disetujui',
  returned: 'dikembalikan untuk diperbaiki',
  cancelled: 'dibatalkan',
  reassigned: 'dialihkan ke unit lain',
};

/** Indonesian label of a status, as inboxes and mails print it. */
export function taskStatusLabel(status: TaskStatus): string {
  return statusLabel[status];
}

const allowedFrom: Record<TaskAction, readonly TaskStatus[]> = {
  submit: ['open', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  requestExtension: ['open', 'returned'],
  decideExtension: ['open', 'returned', 'submitted'],
  reassign: ['open', 'returned', 'submitted'],
  cancel: ['open', 'returned', 'submitted'],
};

const actionLabel: Record<TaskAction, string> = {
  submit: 'dikirim',
  approve: 'disetujui',
  return: 'dikembalikan',
  requestExtension: 'dimintakan perpanjangan waktu',
  decideExtension: 'diputuskan perpanjangannya',
  reassign: 'dialihkan',
  cancel: 'dibatalkan',
};

/** Why `action` is not allowed in `state`, or undefined when it is. */
export function refuseTransition(state: TaskLifecycleState, action: TaskAction): TransitionRefusal | undefined {
  if (action === 'requestExtension' && state.pendingExtension) {
    return {
      code: 'EXTENSION_ALREADY_PENDING',
      message: 'Permintaan perpanjangan sebelumnya masih menunggu keputusan.',
    };
  }
  if (action === 'decideExtension' && !state.pendingExtension) {
    return { code: 'NO_PENDING_EXTENSION', message: 'Tidak ada permintaan perpanjangan yang menunggu keputusan.' };
  }
  if (!allowedFrom[action].includes(state.status)) {
    return {
      code: isClosed(state.status) ? 'TASK_CLOSED' : 'TASK_STATE_CONFLICT',
      message: `Tugas tidak dapat ${actionLabel[action]} karena statusnya ${statusLabel[state.status]}.`,
    };
  }
  return undefined;
}

/** The status after an allowed action. */
export function statusAfter(status: TaskStatus, action: TaskAction): TaskStatus {
  switch (action) {
    case 'submit':
      return 'submitted';
    case 'approve':
      return 'approved';
    case 'return':
      return 'returned';
    case 'reassign':
      return 'reassigned';
    case 'cancel':
      return 'cancelled';
    case 'requestExtension':
    case 'decideExtension':
      return status;
  }
}
