import { addWorkingDays, indonesianWorkingDayRules, localDateOf } from '@konvergensi/domain';
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
