import type { DataSource } from 'typeorm';
import request from 'supertest';
import {
  expectErrorBody,
  expectStatus,
  Logins,
  openDatabase,
  startFileStack,
  type FileStack,
} from './support/fixtures';

const year = 2043;
const overviewPath = `/api/v1/provinces/18/overview?year=${year}`;
const assessmentPath = `/api/v1/regencies/18.72/assessments/${year}`;

/** Noon in Jakarta (05:00 UTC), `offset` days from today. */
function day(offset: number): Date {
  const date = new Date(Date.now() + offset * 86_400_000);
  date.setUTCHours(5, 0, 0, 0);
  return date;
}

interface RegencyRow {
  code: string;
  name: string;
  hasCycle: boolean;
  actions: { code: string; status: string; statusLabel: string; lateStages: number }[];
  lateStages: number;
  semesterReports: { semester: number; status: string; formats: { format: string; status: string }[] }[];
  assessment: { prefilled: { grade: string } | null; final: { grade: string } | null; manualGrades: number } | null;
}

interface Assessment {
  rubric: { id: string; provenance: { source: string }; rulesProvenance: { source: string } };
  indicators: {
    code: string;
    rule: string;
    value: number | null;
    prefilledGrade: string | null;
    finalGrade: { grade: string; note: string; gradedBy: { displayName: string } } | null;
    grade: string | null;
  }[];
  overall: { prefilled: { grade: string } | null; final: { grade: string } | null; manualGrades: number };
}

describe('the province view of its regencies', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  const http = () => request(stack.baseUrl);

  beforeAll(async () => {
    stack = await startFileStack('province-view');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    const metro = expectStatus(
      await http()
        .post('/api/v1/regencies/18.72/cycles')
        .set(await logins.bearer('metro.sekretaris'))
        .send({ year }),
      201,
    );
    expectStatus(
      await http()
        .post('/api/v1/regencies/14.72/cycles')
        .set(await logins.bearer('dumai.sekretaris'))
        .send({ year }),
      201,
    );
    // Metro: Aksi 1's first stage done on time, its second late; a semester-1 report compiled.
    const stages = (metro.body.actions as { code: string; stages: { id: string }[] }[])[0]!.stages;
    await db.query(
      `UPDATE action_stage SET status = 'done', opened_at = $2, due_at = $3, closed_at = $2 WHERE id = $1`,
      [stages[0]!.id, day(-12), day(-8)],
    );
    await db.query(`UPDATE action_stage SET status = 'in_progress', opened_at = $2, due_at = $3 WHERE id = $1`, [
      stages[1]!.id,
      day(-8),
      day(-2),
    ]);
    await db.query(
      `INSERT INTO compiled_report (regency_code, year, semester, format, status, completed_at)
       VALUES ('18.72', $1, 1, 'pdf', 'ready', now())`,
      [year],
    );
    // The JSON snapshot of the period carries the report's lifecycle: approved by the chair.
    await db.query(
      `INSERT INTO compiled_report (regency_code, year, semester, format, status, completed_at, lifecycle)
       VALUES ('18.72', $1, 1, 'json', 'ready', now(), 'approved')`,
      [year],
    );
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it("shows Lampung's viewer Metro side by side with per-action status, late stages and report status, and never Riau's Dumai", async () => {
    const response = await http()
      .get(overviewPath)
      .set(await logins.bearer('lampung.provinsi'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ province: { code: '18' }, year });
    const regencies = response.body.regencies as RegencyRow[];
    expect(regencies.map((r) => r.code)).toContain('18.72');
    expect(regencies.map((r) => r.code)).not.toContain('14.72');
    expect(JSON.stringify(response.body)).not.toMatch(/Dumai/);
    const metro = regencies.find((r) => r.code === '18.72')!;
    expect(metro.hasCycle).toBe(true);
    expect(metro.actions).toHaveLength(8);
    expect(metro.actions[0]).toMatchObject({ code: 'AKSI_1', status: 'late', statusLabel: 'terlambat', lateStages: 1 });
    expect(metro.lateStages).toBe(1);
    expect(metro.semesterReports).toEqual([
      {
        semester: 1,
        status: 'ready',
        lifecycle: 'approved',
        lifecycleLabel: 'disetujui ketua',
        formats: expect.arrayContaining([
          expect.objectContaining({ format: 'pdf', status: 'ready' }),
          expect.objectContaining({ format: 'json', status: 'ready' }),
        ]),
      },
      { semester: 2, status: 'not_compiled', lifecycle: null, lifecycleLabel: 'belum disusun', formats: [] },
    ]);
    expect(metro.assessment?.prefilled).not.toBeNull();
  });

  it("shows Riau's viewer Dumai and not Metro, and hides Lampung from it with 404", async () => {
    const riau = await http()
      .get(`/api/v1/provinces/14/overview?year=${year}`)
      .set(await logins.bearer('riau.provinsi'));
    expect(riau.status).toBe(200);
    const codes = (riau.body.regencies as RegencyRow[]).map((r) => r.code);
    expect(codes).toContain('14.72');
    expect(codes).not.toContain('18.72');
    const lampung = await http()
      .get(overviewPath)
      .set(await logins.bearer('riau.provinsi'));
    expect(lampung.status).toBe(404);
    expectErrorBody(lampung.body, 'PROVINCE_NOT_FOUND');
  });

  it('refuses the province view to Metro users', async () => {
    for (const username of ['metro.ketua', 'metro.sekretaris', 'metro.dinkes']) {
      const response = await http()
        .get(overviewPath)
        .set(await logins.bearer(username));
      expect([403, 404]).toContain(response.status);
      expectErrorBody(response.body);
    }
  });

  it('answers a malformed province code with 400 and an unknown one with 404', async () => {
    const bad = await http()
      .get('/api/v1/provinces/lampung/overview')
      .set(await logins.bearer('admin'));
    expect(bad.status).toBe(400);
    expectErrorBody(bad.body);
    const unknown = await http()
      .get('/api/v1/provinces/99/overview')
      .set(await logins.bearer('admin'));
    expect(unknown.status).toBe(404);
    expectErrorBody(unknown.body, 'PROVINCE_NOT_FOUND');
  });

  it('pre-fills the assessment rubric from the facts, each rule written out and marked assumed', async () => {
    const response = await http()
      .get(assessmentPath)
      .set(await logins.bearer('lampung.provinsi'));
    expect(response.status).toBe(200);
    const assessment = response.body as Assessment;
    expect(assessment.rubric.provenance.source).toBe('seed');
    expect(assessment.rubric.rulesProvenance.source).toBe('assumed');
    expect(assessment.indicators).toHaveLength(32);
    const byCode = Object.fromEntries(assessment.indicators.map((i) => [i.code, i]));
    // One late stage of Aksi 1 → B on timeliness; nothing filed in the portal yet → D.
    expect(byCode['AKSI_1.KETEPATAN']).toMatchObject({ value: 1, prefilledGrade: 'B', finalGrade: null, grade: 'B' });
    expect(byCode['AKSI_1.PELAPORAN']).toMatchObject({ value: 0, prefilledGrade: 'D' });
    expect(byCode['AKSI_1.TAHAPAN']!.rule).toMatch(/^A: /);
  });

  it('lets the province viewer set a final grade with a note while the pre-filled grade stays visible', async () => {
    const response = await http()
      .put(assessmentPath)
      .set(await logins.bearer('lampung.provinsi'))
      .send({
        grades: [
          { indicatorCode: 'AKSI_1.PELAPORAN', grade: 'B', note: 'Panel: dokumen diterima langsung oleh provinsi' },
        ],
      });
    expect(response.status).toBe(200);
    const row = (response.body as Assessment).indicators.find((i) => i.code === 'AKSI_1.PELAPORAN')!;
    expect(row).toMatchObject({
      prefilledGrade: 'D',
      grade: 'B',
      finalGrade: {
        grade: 'B',
        note: 'Panel: dokumen diterima langsung oleh provinsi',
        gradedBy: { displayName: expect.any(String) },
      },
    });
    expect((response.body as Assessment).overall.manualGrades).toBe(1);
    const overview = await http()
      .get(overviewPath)
      .set(await logins.bearer('lampung.provinsi'));
    expect((overview.body.regencies as RegencyRow[]).find((r) => r.code === '18.72')!.assessment?.manualGrades).toBe(1);
    // Metro reads its own assessment.
    const own = await http()
      .get(assessmentPath)
      .set(await logins.bearer('metro.ketua'));
    expect(own.status).toBe(200);
  });

  it('removes a final grade with null so the pre-filled grade applies again', async () => {
    const response = await http()
      .put(assessmentPath)
      .set(await logins.bearer('admin'))
      .send({ grades: [{ indicatorCode: 'AKSI_1.PELAPORAN', grade: null }] });
    expect(response.status).toBe(200);
    expect((response.body as Assessment).indicators.find((i) => i.code === 'AKSI_1.PELAPORAN')).toMatchObject({
      finalGrade: null,
      grade: 'D',
    });
  });

  it('refuses grades from the regency itself (403) and another province (404), and unknown indicators (400), changing nothing', async () => {
    const body = { grades: [{ indicatorCode: 'AKSI_2.TAHAPAN', grade: 'A', note: '' }] };
    const metro = await http()
      .put(assessmentPath)
      .set(await logins.bearer('metro.sekretaris'))
      .send(body);
    expect(metro.status).toBe(403);
    expectErrorBody(metro.body, 'FORBIDDEN');
    const riau = await http()
      .put(assessmentPath)
      .set(await logins.bearer('riau.provinsi'))
      .send(body);
    expect(riau.status).toBe(404);
    expectErrorBody(riau.body, 'REGENCY_NOT_FOUND');
    const unknown = await http()
      .put(assessmentPath)
      .set(await logins.bearer('lampung.provinsi'))
      .send({
        grades: [
          { indicatorCode: 'AKSI_2.TAHAPAN', grade: 'A' },
          { indicatorCode: 'AKSI_2.LAINNYA', grade: 'A' },
        ],
      });
    expect(unknown.status).toBe(400);
    expectErrorBody(unknown.body, 'UNKNOWN_RUBRIC_INDICATOR');
    const badGrade = await http()
      .put(assessmentPath)
      .set(await logins.bearer('lampung.provinsi'))
      .send({ grades: [{ indicatorCode: 'AKSI_2.TAHAPAN', grade: 'E' }] });
    expect(badGrade.status).toBe(400);
    expectErrorBody(badGrade.body);
    const stored = await db.query(
      `SELECT count(*)::int AS n FROM rubric_grade WHERE regency_code = '18.72' AND year = $1`,
      [year],
    );
    expect(stored[0].n).toBe(0);
  });
});
