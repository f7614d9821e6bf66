import { addWorkingDays, dueInstant, indonesianWorkingDayRules, localDateOf } from '@konvergensi/domain';
import { randomUUID } from 'node:crypto';
import type { ApiClient } from './api-client';

/** A due day `n` working days after today in Metro's calendar (weekends and national holidays skipped). */
export function workingDaysFromToday(n: number): string {
  return addWorkingDays(localDateOf(new Date(), 'Asia/Jakarta'), n, indonesianWorkingDayRules());
}

export interface CreatedTask {
  id: string;
  dueAt: string;
  status: string;
}

export async function createAdHocTask(
  secretary: ApiClient,
  title: string,
  dueDate: string,
  unitCode = 'DINKES',
): Promise<CreatedTask> {
  const response = await secretary.post<CreatedTask>('/api/v1/regencies/18.72/tasks', {
    title,
    description: 'Tindak lanjut rapat koordinasi TPPS',
    unitCode,
    dueDate,
    deliverables: [{ kind: 'document', title: 'Laporan tindak lanjut' }],
  });
  if (response.status !== 201)
    throw new Error(`creating the task failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A fresh Idempotency-Key, as the web app makes one per intended action. */
export function idempotencyKey(): { 'idempotency-key': string } {
  return { 'idempotency-key': randomUUID() };
}

/**
 * Today in Metro's compressed calendar (TIME_COMPRESSION_SECONDS_PER_DAY of the stack): a probe
 * task's due instant tells the virtual origin, from which the virtual now follows. Tests late in
 * a file count due days from it, because the compressed clock has run ahead of the real one.
 */
export async function compressedToday(secretary: ApiClient, secondsPerDay: number): Promise<string> {
  const probeDue = workingDaysFromToday(30);
  const probe = await createAdHocTask(secretary, 'Uji jam terkompresi', probeDue);
  const factor = secondsPerDay / 86_400;
  const real = dueInstant(probeDue, 'Asia/Jakarta').getTime();
  const origin = (Date.parse(probe.dueAt) - factor * real) / (1 - factor);
  const compressedNow = origin + (Date.now() - origin) / factor;
  await secretary.post(`/api/v1/tasks/${probe.id}/cancel`, { reason: 'Jam uji' }, idempotencyKey());
  return localDateOf(new Date(compressedNow), 'Asia/Jakarta');
}
