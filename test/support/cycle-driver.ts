import { villagesOf } from '@konvergensi/domain';
import type { DataSource } from 'typeorm';
import { ApiClient } from './api-client';
import { pdfBytes, type Logins } from './fixtures';

/** A task of a cycle as the secretary's inbox lists it. */
export interface InboxTask {
  id: string;
  title: string;
  status: string;
  stageId: string | null;
  assigneeUnit?: { code: string };
  deliverables?: { kind: string }[];
}

/**
 * Plays the units and the secretary through a cycle: every open task is answered with a PDF by an
 * officer of its unit (its head where a signature is asked) and approved by the secretary.
 */
export class CycleDriver {
  private readonly clients = new Map<string, Promise<ApiClient>>();
  readonly handled = new Set<string>();

  constructor(
    private readonly baseUrl: string,
    private readonly db: DataSource,
    private readonly approver = 'metro.sekretaris',
    /** Runs before a task of the given stage is approved (e.g. the secretary confirming the lokus). */
    private readonly beforeApprove: (stageCode: string) => Promise<void> = async () => undefined,
  ) {}

  client(username: string): Promise<ApiClient> {
    let client = this.clients.get(username);
    if (!client) {
      client = ApiClient.as(this.baseUrl, username);
      this.clients.set(username, client);
    }
    return client;
  }

  /**
   * The demo officer (or head) of a unit: seeded accounts only (`<regency>.<unit>`), because other
   * test files add users of their own with other passwords to the shared database.
   */
  async userOf(unitId: string, role: 'opd_officer' | 'opd_head'): Promise<string> {
    const rows = (await this.db.query(
      `SELECT u.username FROM app_user u JOIN role_assignment r ON r.user_id = u.id
        WHERE u.unit_id = $1 AND r.role = $2 AND u.active AND u.username ~ '^(metro|dumai)[.]'
        ORDER BY length(u.username), u.username LIMIT 1`,
      [unitId, role],
    )) as { username: string }[];
    if (!rows[0]) throw new Error(`no ${role} for unit ${unitId}`);
    return rows[0].username;
  }

  /**
   * Tasks of this cycle still to be answered, straight from the read model: submitted ones too, so
   * an approval that failed is tried again (resubmitting with the same key changes nothing).
   */
  async openTasks(cycleId: string, except: (task: { id: string; stage_code: string }) => boolean = () => false) {
    const rows = (await this.db.query(
      `SELECT t.id, t.status, t.assignee_unit_id, t.deliverables, s.code AS stage_code
         FROM task t JOIN action_stage s ON s.id = t.stage_id
        WHERE t.cycle_id = $1 AND t.status IN ('open', 'returned', 'submitted')
        ORDER BY t.due_at, t.id`,
      [cycleId],
    )) as {
      id: string;
      status: string;
      assignee_unit_id: string;
      deliverables: { kind: string }[];
      stage_code: string;
    }[];
    return rows.filter((row) => !except(row) && !this.handled.has(row.id));
  }

  /** Submits a task with a PDF as its unit would, then approves it as the secretary. */
  async complete(task: {
    id: string;
    status?: string;
    assignee_unit_id: string;
    deliverables: { kind: string }[];
    stage_code: string;
  }): Promise<void> {
    if (task.status !== 'submitted') await this.submit(task);
    await this.approve(task);
  }

  private async submit(task: { id: string; assignee_unit_id: string; deliverables: { kind: string }[] }) {
    const signs = task.deliverables.some((d) => d.kind === 'signature');
    const submitter = await this.client(await this.userOf(task.assignee_unit_id, signs ? 'opd_head' : 'opd_officer'));
    const form = new FormData();
    form.append('file', new Blob([pdfBytes(`bukti ${task.id}`)], { type: 'application/pdf' }), 'bukti.pdf');
    const upload = await fetch(`${this.baseUrl}/api/v1/tasks/${task.id}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${submitter.token}` },
      body: form,
    });
    if (upload.status !== 201) throw new Error(`upload to ${task.id}: ${upload.status} ${await upload.text()}`);
    const evidence = (await upload.json()) as { id: string };
    const submitted = await submitter.request(
      'POST',
      `/api/v1/tasks/${task.id}/submit`,
      {
        note: 'Terlampir.',
        evidenceIds: [evidence.id],
      },
      { 'idempotency-key': `submit-${task.id}` },
    );
    if (submitted.status !== 200)
      throw new Error(`submit ${task.id}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  }

  private async approve(task: { id: string; stage_code: string }) {
    await this.beforeApprove(task.stage_code);
    const approver = await this.client(this.approver);
    const approved = await approver.request(
      'POST',
      `/api/v1/tasks/${task.id}/approve`,
      { note: 'Diterima.' },
      {
        'idempotency-key': `approve-${task.id}`,
      },
    );
    if (approved.status !== 200)
      throw new Error(`approve ${task.id}: ${approved.status} ${JSON.stringify(approved.body)}`);
    this.handled.add(task.id);
  }

  /**
   * Answers every open task of the cycle until `done` holds; a task that keeps failing fails the
   * test with the API's answer instead of letting the loop run into its timeout.
   */
  async playUntil(
    done: () => Promise<boolean>,
    cycleId: string,
    timeoutMs: number,
    skip: (task: { id: string; stage_code: string }) => boolean = () => false,
  ): Promise<void> {
    const failures = new Map<string, number>();
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`cycle ${cycleId} did not get there in ${timeoutMs} ms`);
      for (const task of await this.openTasks(cycleId, skip)) {
        try {
          await this.complete(task);
        } catch (error) {
          const count = (failures.get(task.id) ?? 0) + 1;
          failures.set(task.id, count);
          if (count >= 5) throw error;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Aksi 1's data for Kota Metro: the health office reports prevalence and cases per kelurahan, the
 * social office the coverage of two main indicators; the first two kelurahan stand out on every
 * count, so the situation analysis proposes exactly them. Returns their codes.
 */
export async function reportMetroVillageSituation(baseUrl: string, logins: Logins, year: number): Promise<Set<string>> {
  const villages = villagesOf('18.72').map((v) => v.id);
  const hot = new Set(villages.slice(0, 2));
  const put = async (username: string, rows: unknown[]) => {
    const response = await fetch(`${baseUrl}/api/v1/regencies/18.72/cycles/${year}/village-situation`, {
      method: 'PUT',
      headers: { ...(await logins.bearer(username)), 'content-type': 'application/json' },
      body: JSON.stringify({ rows }),
    });
    if (response.status !== 200) throw new Error(`village situation of ${username}: ${response.status}`);
  };
  await put(
    'metro.dinkes',
    villages.map((id) => ({ villageCode: id, prevalence: hot.has(id) ? 30 : 8, cases: hot.has(id) ? 40 : 6 })),
  );
  await put(
    'metro.dinsos',
    villages.map((id) => ({
      villageCode: id,
      coverage: { 'Tabel 1.1 A.1': hot.has(id) ? 35 : 95, 'Tabel 1.1 A.2': hot.has(id) ? 40 : 92 },
    })),
  );
  return hot;
}

/**
 * A `beforeApprove` for the CycleDriver: before Aksi 1's lokus stage is approved, the secretary
 * confirms every kelurahan the analysis proposed (the stage cannot close without a confirmed list).
 */
export function confirmProposedLokus(
  baseUrl: string,
  logins: Logins,
  year: number,
): (stageCode: string) => Promise<void> {
  return async (stageCode) => {
    if (stageCode !== 'AKSI_1.T3.5') return;
    const auth = await logins.bearer('metro.sekretaris');
    const lokusUrl = `${baseUrl}/api/v1/regencies/18.72/cycles/${year}/lokus`;
    const lokus = (await (await fetch(lokusUrl, { headers: auth })).json()) as {
      confirmed: number;
      items: { villageCode: string; status: string }[];
    };
    if (lokus.confirmed > 0) return;
    const decided = await fetch(`${lokusUrl}/decision`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: lokus.items.map((i) => i.villageCode) }),
    });
    if (decided.status !== 200) throw new Error(`lokus decision: ${decided.status} ${await decided.text()}`);
  };
}
