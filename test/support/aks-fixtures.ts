import { randomUUID } from 'node:crypto';
import type { ApiClient, ApiResponse } from './api-client';
import { eventually } from './processes';

/** The columns of the AKS CSV in README order. */
export const aksColumns = [
  'nik',
  'nama',
  'tanggal_lahir',
  'alamat',
  'kecamatan',
  'kelurahan',
  'kelompok_sasaran',
  'berat_badan',
  'tinggi_badan',
  'lingkar_lengan',
  'tanggal_ukur',
] as const;

export type AksRow = Record<(typeof aksColumns)[number], string>;

/** A CSV as a spreadsheet saves it: header row, quoted cells where needed, CRLF. */
export function aksCsv(rows: AksRow[], columns: readonly string[] = aksColumns): string {
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c as keyof AksRow] ?? '')).join(','))].join(
      '\r\n',
    ) + '\r\n'
  );
}

/** A measurement date a few days ago (never in the future, in any Indonesian zone). */
export function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/** A baduta born about a year ago. */
export function badutaRow(overrides: Partial<AksRow> & Pick<AksRow, 'nik' | 'nama'>): AksRow {
  return {
    tanggal_lahir: daysAgo(400),
    alamat: 'Jl. Contoh RT 01',
    kecamatan: 'Metro Pusat',
    kelurahan: 'Imopuro',
    kelompok_sasaran: 'baduta',
    berat_badan: '7,4',
    tinggi_badan: '69.5',
    lingkar_lengan: '',
    tanggal_ukur: daysAgo(3),
    ...overrides,
  };
}

export async function uploadFile<T = unknown>(
  client: ApiClient,
  path: string,
  content: Buffer | string,
  filename: string,
  type: string,
): Promise<ApiResponse<T>> {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), filename);
  const response = await fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
    body: form,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

export interface AuditView {
  id: string;
  status: string;
  currentStage: string | null;
  reportStatus: string;
  stages: { code: string; status: string; dueAt: string; monthsOpen: number }[];
  firedNotices: string[];
  counts: Record<string, unknown>;
  recap: { rows: { kecamatan: string; counts: Record<string, number>; total: number }[]; total: { total: number } };
}

export async function startAudit(
  client: ApiClient,
  regencyCode: string,
  body: { year: number; semester: number; templateCode: string },
): Promise<AuditView> {
  const response = await client.post<AuditView>(`/api/v1/regencies/${regencyCode}/aks/audits`, body);
  if (response.status !== 201)
    throw new Error(`starting the audit failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function completeStage(client: ApiClient, auditId: string, stageCode: string) {
  return client.post<{ currentStage: string | null; completedStages: string[]; code?: string; message?: string }>(
    `/api/v1/aks/audits/${auditId}/stages/${stageCode}/complete`,
    {},
    { 'idempotency-key': randomUUID() },
  );
}

/** Waits until the workflow has opened `stageCode` (null: the audit has completed). */
export function waitForStage(client: ApiClient, auditId: string, stageCode: string | null, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const view = await client.get<AuditView>(`/api/v1/aks/audits/${auditId}`);
      if (stageCode === null) return view.body.status === 'completed' ? view.body : undefined;
      return view.body.stages.some((s) => s.code === stageCode && s.status === 'open') ? view.body : undefined;
    },
    timeoutMs,
    `stage ${stageCode ?? 'end'} of audit ${auditId}`,
  );
}
