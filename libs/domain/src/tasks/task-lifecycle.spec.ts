import { isClosed, ladderRuns, refuseTransition, statusAfter, taskStatusLabel } from './task-lifecycle';

describe('task lifecycle', () => {
  it('lets an open task be submitted, then approved, which closes it', () => {
    expect(refuseTransition({ status: 'open', pendingExtension: false }, 'submit')).toBeUndefined();
    expect(statusAfter('open', 'submit')).toBe('submitted');
    expect(refuseTransition({ status: 'submitted', pendingExtension: false }, 'approve')).toBeUndefined();
    expect(statusAfter('submitted', 'approve')).toBe('approved');
    expect(isClosed('approved')).toBe(true);
  });

  it('lets a returned task be submitted again', () => {
    expect(statusAfter('submitted', 'return')).toBe('returned');
    expect(refuseTransition({ status: 'returned', pendingExtension: false }, 'submit')).toBeUndefined();
  });

  it('refuses approving a task that was not submitted, in Indonesian, with a stable code', () => {
    expect(refuseTransition({ status: 'open', pendingExtension: false }, 'approve')).toEqual({
      code: 'TASK_STATE_CONFLICT',
      message: 'Tugas tidak dapat disetujui karena statusnya terbuka.',
    });
  });

  it('refuses every change of a closed task as TASK_CLOSED', () => {
    for (const action of ['submit', 'approve', 'return', 'reassign', 'cancel', 'requestExtension'] as const) {
      expect(refuseTransition({ status: 'approved', pendingExtension: false }, action)?.code).toBe('TASK_CLOSED');
    }
  });

  it('allows one extension request at a time and a decision only when one waits', () => {
    expect(refuseTransition({ status: 'open', pendingExtension: true }, 'requestExtension')?.code).toBe(
      'EXTENSION_ALREADY_PENDING',
    );
    expect(refuseTransition({ status: 'open', pendingExtension: false }, 'decideExtension')?.code).toBe(
      'NO_PENDING_EXTENSION',
    );
    expect(refuseTransition({ status: 'open', pendingExtension: true }, 'decideExtension')).toBeUndefined();
    expect(statusAfter('open', 'requestExtension')).toBe('open');
  });

  it('runs the escalation ladder only while the unit owes the work', () => {
    expect(ladderRuns('open')).toBe(true);
    expect(ladderRuns('returned')).toBe(true);
    expect(ladderRuns('submitted')).toBe(false);
    expect(ladderRuns('cancelled')).toBe(false);
    expect(taskStatusLabel('returned')).toBe('dikembalikan untuk diperbaiki');
  });
});
