import { HttpStatus } from '@nestjs/common';
import type { TaskActor } from '@konvergensi/contracts';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { substituteFor, type TaskScope } from '../tenancy/access-policy';

export const idempotencyHeaderDoc = {
  name: 'Idempotency-Key',
  required: true,
  description:
    'One value per intended action (e.g. a UUID made when the button is shown); a repeated click with the same key changes nothing twice.',
};

/** The Update id: the client's key, namespaced by the action so one key never does two things. */
export function requireIdempotencyKey(key: string | undefined, action: string): string {
  if (!key || !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'IDEMPOTENCY_KEY_REQUIRED',
      'Header Idempotency-Key wajib diisi (8–128 karakter huruf, angka, titik, titik dua, garis bawah atau tanda hubung).',
    );
  }
  return `${action}:${key}`;
}

/** Who acts, and for whom when they are a substitute on that unit today. */
export function actorOf(principal: Principal, task: TaskScope): TaskActor {
  const onBehalfOf = principal.unitId === task.assigneeUnitId ? undefined : substituteFor(principal, task);
  return { userId: principal.userId, onBehalfOfUserId: onBehalfOf ?? null };
}
