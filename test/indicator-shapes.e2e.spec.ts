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

  describe('plausibility warnings, settled by a note (year 2068)', () => {
    const plausible = (semester: 1 | 2) => `/api/v1/regencies/18.72/indicators/2068/${semester}`;
    interface Stored {
      code: string;
      warnings: { code: string; message: string }[];
      confirmation: { note: string; confirmedBy: string; confirmedAt: string } | null;
      needsConfirmation: boolean;
      achievement: { display: string };
    }
    const valueOf = (body: { values: Stored[] }, code: string) => body.values.find((v) => v.code === code);

    it('stores 30 kelurahan in a city of 22 with a warning, and keeps the note that confirms it until the value changes', async () => {
      const bearer = await logins.bearer('metro.sekretaris');
      const put = await http()
        .put(plausible(1))
        .set(bearer)
        .send({ values: [{ code: 'Pilar 1. A5', count: 30 }] });
      expect(put.status).toBe(200);
      expect(put.body.needsConfirmation).toBe(1);
      expect(valueOf(put.body, 'Pilar 1. A5')).toMatchObject({
        warnings: [
          {
            code: 'EXCEEDS_VILLAGE_COUNT',
            message: '30 melebihi jumlah desa/kelurahan Kota Metro (22) menurut data wilayah.',
          },
        ],
        confirmation: null,
        needsConfirmation: true,
      });

      const note = 'Termasuk 8 kelurahan hasil pemekaran 2068';
      const confirmed = await http()
        .post(`${plausible(1)}/confirmations`)
        .set(bearer)
        .send({ code: 'Pilar 1. A5', note });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.needsConfirmation).toBe(0);
      expect(valueOf(confirmed.body, 'Pilar 1. A5')).toMatchObject({
        confirmation: { note, confirmedAt: expect.any(String) },
        needsConfirmation: false,
      });

      // Sent again without a note, the value is judged afresh.
      const again = await http()
        .put(plausible(1))
        .set(bearer)
        .send({ values: [{ code: 'Pilar 1. A5', count: 31 }] });
      expect(valueOf(again.body, 'Pilar 1. A5')).toMatchObject({ confirmation: null, needsConfirmation: true });
    });

    it('accepts a numerator above its denominator as a warning, confirmed in the same request by its note', async () => {
      const put = await http()
        .put(plausible(1))
        .set(await logins.bearer('metro.dinkes'))
        .send({ values: [{ code: 'Pilar 3. A7', numerator: 2100, denominator: 2084, note: 'Sasaran proyeksi 2067' }] });
      expect(put.status).toBe(200);
      expect(valueOf(put.body, 'Pilar 3. A7')).toMatchObject({
        achievement: { display: '100,77' },
        warnings: [{ code: 'NUMERATOR_EXCEEDS_DENOMINATOR' }],
        confirmation: { note: 'Sasaran proyeksi 2067' },
        needsConfirmation: false,
      });
      const row = await db
        .getRepository(IndicatorValueRecord)
        .findOneByOrFail({ regencyCode: '18.72', year: 2068, semester: 1, indicatorCode: 'Pilar 3. A7' });
      expect(row.confirmationNote).toBe('Sasaran proyeksi 2067');
    });

    it('warns of a jump from the semester before, and refuses to confirm a value without any warning', async () => {
      const bearer = await logins.bearer('metro.dinkes');
      const put = await http()
        .put(plausible(2))
        .set(bearer)
        .send({
          values: [
            { code: 'Pilar 3. A7', numerator: 930, denominator: 2084 },
            { code: 'Pilar 3. A9', numerator: 872, denominator: 2943 },
          ],
        });
      expect(put.status).toBe(200);
      expect(valueOf(put.body, 'Pilar 3. A7')?.warnings).toEqual([
        {
          code: 'SEMESTER_JUMP',
          message: 'Berubah dari 100,77 (semester 1 2068) menjadi 44,63: selisih 56,14 poin, jauh di luar kebiasaan.',
        },
      ]);
      expect(valueOf(put.body, 'Pilar 3. A9')).toMatchObject({ warnings: [], needsConfirmation: false });

      const nothing = await http()
        .post(`${plausible(2)}/confirmations`)
        .set(bearer)
        .send({ code: 'Pilar 3. A9', note: 'Sudah diperiksa' });
      expect(nothing.status).toBe(409);
      expectErrorBody(nothing.body);
      expect(nothing.body.code).toBe('NOTHING_TO_CONFIRM');
    });

    it('lists the questioned values in the report’s notes with their confirmation', async () => {
      const bearer = await logins.bearer('metro.sekretaris');
      const json = await http().get('/api/v1/regencies/18.72/reports/2068/1').set(bearer);
      expect(json.status).toBe(200);
      expect(json.body.notes).toEqual([
        {
          code: 'Pilar 1. A5',
          name: expect.any(String),
          warnings: ['31 melebihi jumlah desa/kelurahan Kota Metro (22) menurut data wilayah.'],
          confirmationNote: null,
        },
        {
          code: 'Pilar 3. A7',
          name: expect.any(String),
          warnings: ['Pembilang (2.100) lebih besar dari penyebut (2.084): capaian di atas 100%.'],
          confirmationNote: 'Sasaran proyeksi 2067',
        },
      ]);
      const xlsx = await http()
        .get('/api/v1/regencies/18.72/reports/2068/1.xlsx')
        .set(bearer)
        .buffer(true)
        .parse(binaryBody);
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.body as never);
      const sheet = workbook.getWorksheet('Catatan');
      expect([sheet?.getRow(7).getCell(2).value, sheet?.getRow(7).getCell(5).value]).toEqual([
        'Pilar 1. A5',
        'Belum dikonfirmasi',
      ]);
    });
  });

  describe('importing the form as regencies fill it (year 2069)', () => {
    const metroPeriod = '/api/v1/regencies/18.72/indicators/2069/1';
    const dumaiPeriod = '/api/v1/regencies/14.72/indicators/2069/1';
    interface Preview {
      token: string;
      summary: Record<string, number>;
      lines: { code: string; status: string; before: string | null; after: string | null; issues: unknown[] }[];
    }
    const exported = async (regency: string, user: string) => {
      const response = await http()
        .get(`/api/v1/regencies/${regency}/reports/2069/1.xlsx`)
        .set(await logins.bearer(user))
        .buffer(true)
        .parse(binaryBody);
      expect(response.status).toBe(200);
      return response.body as Buffer;
    };
    const upload = async (period: string, user: string, file: Buffer, name: string, token?: string) =>
      http()
        .post(`${period}/import${token ? `?token=${token}` : ''}`)
        .set(await logins.bearer(user))
        .attach('file', file, name);
    const edit = async (file: Buffer, change: (sheet: Workbook) => void) => {
      const workbook = new Workbook();
      await workbook.xlsx.load(file as never);
      change(workbook);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const setCells = (workbook: Workbook, code: string, cells: Record<number, number | string>) => {
      for (const sheet of workbook.worksheets)
        sheet.eachRow((row) => {
          if (row.getCell(2).value === code)
            for (const [c, v] of Object.entries(cells)) row.getCell(Number(c)).value = v;
        });
    };
    const storedRows = (regency: string) =>
      db.getRepository(IndicatorValueRecord).find({ where: { regencyCode: regency, year: 2069, semester: 1 } });

    it('reads a whole exported Metro form back as unchanged, then stores exactly the cells that were edited', async () => {
      const bearer = await logins.bearer('metro.sekretaris');
      const put = await http()
        .put(metroPeriod)
        .set(bearer)
        .send({
          values: [
            { code: 'Pilar 3. A7', numerator: 930, denominator: 2084 },
            { code: 'RAN PASTI Operasional 12', numerator: 39, denominator: 557 },
            { code: 'Pilar 4. A3', numerator: 0, denominator: 0 },
            { code: 'Pilar 1. A5', count: 22 },
            { code: 'Pilar 1. A2', answer: 'Ya', count: 6 },
            { code: 'Pilar 1. A3', answer: 'Ya' },
            { code: 'Pilar 1. A3_a', count: 3 },
            { code: 'Pilar 1. A3_b', notAvailable: true, reason: 'Rekap kecamatan belum masuk' },
            { code: 'Pilar 3. B7', percent: 4.6 },
            { code: 'Pilar 3. A9', notAvailable: true, reason: 'Survei tidak dilaksanakan' },
          ],
        });
      expect(put.status).toBe(200);
      const before = await storedRows('18.72');
      const file = await exported('18.72', 'metro.sekretaris');

      const same = await upload(metroPeriod, 'metro.sekretaris', file, 'laporan.xlsx');
      expect(same.status).toBe(200);
      const preview = same.body as Preview;
      expect(preview.summary).toMatchObject({ new: 0, changed: 0, invalid: 0, unchanged: 10 });

      const edited = await edit(file, (workbook) => {
        setCells(workbook, 'Pilar 1. A5', { 6: 21 });
        setCells(workbook, 'Pilar 3. A8', { 4: 67, 5: 0 });
      });
      const changes = (await upload(metroPeriod, 'metro.sekretaris', edited, 'laporan.xlsx')).body as Preview;
      expect(changes.summary).toMatchObject({ new: 1, changed: 1, invalid: 0, unchanged: 9 });
      expect(changes.lines.find((l) => l.code === 'Pilar 1. A5')).toMatchObject({
        status: 'changed',
        before: '22',
        after: '21',
      });
      expect(changes.lines.find((l) => l.code === 'Pilar 3. A8')).toMatchObject({ status: 'new', after: '0' });
      expect(await storedRows('18.72')).toEqual(expect.arrayContaining(before));

      const stored = await upload(metroPeriod, 'metro.sekretaris', edited, 'laporan.xlsx', changes.token);
      expect(stored.status).toBe(200);
      expect(stored.body.stored).toBe(2);
      const after = await storedRows('18.72');
      const untouched = before.filter((r) => r.indicatorCode !== 'Pilar 1. A5');
      expect(after).toEqual(expect.arrayContaining(untouched));
      expect(after.find((r) => r.indicatorCode === 'Pilar 1. A5')).toMatchObject({ countValue: '21' });
      expect(after.find((r) => r.indicatorCode === 'Pilar 3. A8')).toMatchObject({ numerator: '0', denominator: '67' });
      expect(after).toHaveLength(before.length + 1);
    });

    it('keeps Dumai’s block codes on the way back, so its own form round-trips unchanged', async () => {
      const put = await http()
        .put(dumaiPeriod)
        .set(await logins.bearer('dumai.sekretaris'))
        .send({
          values: [
            { code: 'Blok 1A Indikator 2', numerator: 3082, denominator: 9590 },
            { code: 'Blok 2A Indikator 5', numerator: 35, denominator: 36 },
            { code: 'Blok 2A Indikator 2', count: 6 },
            { code: 'Blok 3B Indikator 21', count: 'NA', reason: 'Data e-PPGBM belum tersedia' },
          ],
        });
      expect(put.status).toBe(200);
      const file = await exported('14.72', 'dumai.sekretaris');
      const same = (await upload(dumaiPeriod, 'dumai.sekretaris', file, 'dumai.xlsx')).body as Preview;
      expect(same.summary).toMatchObject({ new: 0, changed: 0, invalid: 0, unchanged: 4 });

      const edited = await edit(file, (workbook) => {
        const code = same.lines.find((l) => l.after === '97')?.code ?? 'missing';
        setCells(workbook, code, { 5: 34 });
      });
      const changes = (await upload(dumaiPeriod, 'dumai.sekretaris', edited, 'dumai.xlsx')).body as Preview;
      expect(changes.summary).toMatchObject({ changed: 1, unchanged: 3 });
      const stored = await upload(dumaiPeriod, 'dumai.sekretaris', edited, 'dumai.xlsx', changes.token);
      expect(stored.status).toBe(200);
      const rows = await storedRows('14.72');
      expect(rows.find((r) => r.reportedCode === 'Blok 2A Indikator 5')).toMatchObject({ numerator: '34' });
      expect(rows.map((r) => r.reportedCode).sort()).toEqual([
        'Blok 1A Indikator 2',
        'Blok 2A Indikator 2',
        'Blok 2A Indikator 5',
        'Blok 3B Indikator 21',
      ]);
    });

    it('reads a CSV in Indonesian notation, refuses to store while a row is unreadable or the values moved on, and stores nothing then', async () => {
      const csv = (rows: string[]) =>
        Buffer.from(['KODE INDIKATOR;PENYEBUT;PEMBILANG;CAPAIAN;PENJELASAN', ...rows].join('\n'));
      const bad = csv(['Pilar 3. A10;385;dua ratus;;', 'Pilar 3. A11;2.597;2.597;;']);
      const preview = (await upload(metroPeriod, 'metro.sekretaris', bad, 'form.csv')).body as Preview;
      expect(preview.summary).toMatchObject({ invalid: 1, new: 1 });
      const before = await storedRows('18.72');
      const refused = await upload(metroPeriod, 'metro.sekretaris', bad, 'form.csv', preview.token);
      expect(refused.status).toBe(422);
      expectErrorBody(refused.body);
      expect(refused.body.code).toBe('FORM_IMPORT_INVALID');

      const good = csv(['Pilar 3. A10;385;288;;', 'Pilar 1. A6;;;0;']);
      const fresh = (await upload(metroPeriod, 'metro.sekretaris', good, 'form.csv')).body as Preview;
      expect(fresh.summary).toMatchObject({ new: 2, invalid: 0 });
      await http()
        .put(metroPeriod)
        .set(await logins.bearer('metro.sekretaris'))
        .send({ values: [{ code: 'Pilar 1. A6', count: 1 }] });
      const stale = await upload(metroPeriod, 'metro.sekretaris', good, 'form.csv', fresh.token);
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('FORM_IMPORT_STALE');
      const rows = await storedRows('18.72');
      expect(rows.find((r) => r.indicatorCode === 'Pilar 3. A10')).toBeUndefined();
      expect(rows).toHaveLength(before.length + 1);
    });

    it('refuses another regency’s workbook and a file that is no form', async () => {
      const dumaiFile = await exported('14.72', 'dumai.sekretaris');
      const other = await upload(metroPeriod, 'metro.sekretaris', dumaiFile, 'dumai.xlsx');
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('FORM_OTHER_PERIOD');
      const binary = await upload(metroPeriod, 'metro.sekretaris', Buffer.from([0xff, 0xfe, 0x00, 0x81]), 'x.bin');
      expect(binary.status).toBe(415);
      const noForm = await upload(metroPeriod, 'metro.sekretaris', Buffer.from('a;b\n1;2\n'), 'x.csv');
      expect(noForm.status).toBe(422);
      expect(noForm.body.code).toBe('FORM_NO_INDICATOR_SHEET');
      for (const response of [other, binary, noForm]) expectErrorBody(response.body);
    });
  });
});
