import type { DataSource } from 'typeorm';
import request from 'supertest';
import { Workbook } from 'exceljs';
import { IndicatorValueRecord } from '@konvergensi/persistence';
import { binaryBody, expectErrorBody, Logins, openDatabase, startFileStack, type FileStack } from './support/fixtures';

/**
 * The shapes the regencies' own forms use beyond one number per code: sub-rows beneath a Ya/Tidak
 * (000 Tabel 2, `Pilar 1. A3_a`), a Ya with how often (003 §F Blok 2A Indikator 2, "6 Kali") and
 * "NA" where the data does not exist (003 §F Blok 3B). This file owns Metro's year 2066.
 */
const year = 2066;

describe('indicator shapes of the regencies forms', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  const http = () => request(stack.baseUrl);
  const period = (semester: 1 | 2) => `/api/v1/regencies/18.72/indicators/${year}/${semester}`;
  const stored = (semester: 1 | 2) =>
    db.getRepository(IndicatorValueRecord).find({
      where: { regencyCode: '18.72', year, semester },
      order: { indicatorCode: 'ASC' },
    });

  beforeAll(async () => {
    stack = await startFileStack('indicator-shapes');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it('keeps the Ya of Pilar 1. A3 when its sub-row A3_a is entered afterwards', async () => {
    const bearer = await logins.bearer('metro.sekretaris');
    expect(
      (
        await http()
          .put(period(1))
          .set(bearer)
          .send({ values: [{ code: 'Pilar 1. A3', answer: 'Ya' }] })
      ).status,
    ).toBe(200);
    const sub = await http()
      .put(period(1))
      .set(bearer)
      .send({ values: [{ code: 'Pilar 1. A3_a', count: 22 }] });
    expect(sub.status).toBe(200);

    const rows = await stored(1);
    const byCode = Object.fromEntries(rows.map((r) => [r.indicatorCode, r]));
    expect(byCode['Pilar 1. A3']).toMatchObject({ answer: 'Ya', countValue: null });
    expect(byCode['Pilar 1. A3_a']).toMatchObject({ countValue: '22', answer: null });

    const read = await http().get(period(1)).set(bearer);
    const sub22 = (read.body.values as { code: string; parent?: string }[]).find((v) => v.code === 'Pilar 1. A3_a');
    expect(sub22).toMatchObject({ parent: 'Pilar 1. A3' });
  });

  it('accepts a Ya and both of its sub-rows in one request', async () => {
    const put = await http()
      .put(period(2))
      .set(await logins.bearer('metro.sekretaris'))
      .send({
        values: [
          { code: 'Pilar 1. A3', answer: 'Ya' },
          { code: 'Pilar 1. A3_a', count: 20 },
          { code: 'Pilar 1. A3_b', count: 2 },
        ],
      });
    expect(put.status).toBe(200);
    const codes = (await stored(2)).map((r) => r.indicatorCode).sort();
    expect(codes).toEqual(expect.arrayContaining(['Pilar 1. A3', 'Pilar 1. A3_a', 'Pilar 1. A3_b']));
  });

  it('reads a bare count of six coordination meetings as Ya, six times, and an answer with its count alike', async () => {
    const bearer = await logins.bearer('metro.sekretaris');
    const bare = await http()
      .put(period(1))
      .set(bearer)
      .send({ values: [{ code: 'Blok 2A Indikator 2', count: 6 }] });
    expect(bare.status).toBe(200);
    const value = (bare.body.values as { code: string; achievement: unknown }[]).find((v) => v.code === 'Pilar 1. A2');
    expect(value?.achievement).toMatchObject({ status: 'yesNo', value: true, count: 6, display: 'Ya (6 kali)' });

    const answered = await http()
      .put(period(1))
      .set(bearer)
      .send({ values: [{ code: 'Pilar 1. A2', answer: 'Ya', count: 4 }] });
    expect(answered.status).toBe(200);
    const row = (await stored(1)).find((r) => r.indicatorCode === 'Pilar 1. A2');
    expect(row).toMatchObject({ answer: 'Ya', countValue: '4' });
  });

  it('refuses Tidak with times held and keeps the earlier answer', async () => {
    const put = await http()
      .put(period(1))
      .set(await logins.bearer('metro.sekretaris'))
      .send({ values: [{ code: 'Pilar 1. A2', answer: 'Tidak', count: 3 }] });
    expect(put.status).toBe(422);
    expect(JSON.stringify(put.body)).toContain('ANSWER_CONTRADICTS_COUNT');
    expect((await stored(1)).find((r) => r.indicatorCode === 'Pilar 1. A2')).toMatchObject({
      answer: 'Ya',
      countValue: '4',
    });
  });

  it('records data not available with its reason, from the explicit shape and from an NA mark', async () => {
    const put = await http()
      .put(period(1))
      .set(await logins.bearer('metro.sekretaris'))
      .send({
        values: [
          { code: 'Pilar 3. A7', notAvailable: true, reason: 'Belum ada pendataan di tingkat desa' },
          { code: 'Pilar 1. A5', count: 'NA', reason: 'Data kelurahan belum dikirim' },
          { code: 'Pilar 3. A12', numerator: '#DIV/0!', denominator: '#DIV/0!', reason: 'Rumus lembar kerja rusak' },
        ],
      });
    expect(put.status).toBe(200);
    const rows = await stored(1);
    const byCode = Object.fromEntries(rows.map((r) => [r.indicatorCode, r]));
    expect(byCode['Pilar 3. A7']).toMatchObject({
      notAvailableReason: 'Belum ada pendataan di tingkat desa',
      numerator: null,
      denominator: null,
    });
    expect(byCode['Pilar 1. A5']).toMatchObject({
      notAvailableReason: 'Data kelurahan belum dikirim',
      countValue: null,
    });
    expect(byCode['Pilar 3. A12']?.notAvailableReason).toBe('Rumus lembar kerja rusak');
  });

  it('refuses data not available without a reason, and a mark beside a number, storing nothing', async () => {
    const bearer = await logins.bearer('metro.sekretaris');
    const before = await stored(1);
    const noReason = await http()
      .put(period(1))
      .set(bearer)
      .send({
        values: [
          { code: 'Pilar 3. B7', notAvailable: true },
          { code: 'Pilar 1. A5', count: 9 },
        ],
      });
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(noReason.body)).toContain('NOT_AVAILABLE_REASON_REQUIRED');
    const mixed = await http()
      .put(period(1))
      .set(bearer)
      .send({ values: [{ code: 'Pilar 3. B7', numerator: 'NA', denominator: 4, reason: 'x' }] });
    expect(mixed.status).toBe(400);
    expectErrorBody(mixed.body);
    expect(await stored(1)).toEqual(before);
  });

  it('writes the sub-rows beneath their parent and NA with its reason into the semester workbook', async () => {
    const response = await http()
      .get(`/api/v1/regencies/18.72/reports/${year}/1.xlsx`)
      .set(await logins.bearer('metro.sekretaris'))
      .buffer(true)
      .parse(binaryBody);
    expect(response.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as never);
    const sheet = workbook.getWorksheet('Blok 2');
    const rowOf = (code: string) => {
      let found = 0;
      sheet?.eachRow((row, n) => {
        if (row.getCell(2).value === code) found = n;
      });
      return found;
    };
    expect(rowOf('Pilar 1. A3_a')).toBe(rowOf('Pilar 1. A3') + 1);
    expect(sheet?.getRow(rowOf('Pilar 1. A3')).getCell(6).value).toBe('Ya');
    expect(sheet?.getRow(rowOf('Pilar 1. A3_a')).getCell(6).value).toBe(22);
    const na = sheet?.getRow(rowOf('Pilar 3. A7'));
    expect(na?.getCell(6).value).toBe('NA');
    const texts = na?.values as unknown[];
    expect(texts).toContain('Data tidak tersedia: Belum ada pendataan di tingkat desa');

    const json = await http()
      .get(`/api/v1/regencies/18.72/reports/${year}/1`)
      .set(await logins.bearer('metro.sekretaris'));
    expect(json.status).toBe(200);
    expect(json.body.summary.notAvailable).toBe(3);
  });
});
