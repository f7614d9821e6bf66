import request from 'supertest';
import type { DataSource } from 'typeorm';
import { UnitRecord } from '@konvergensi/persistence';
import { expectErrorBody, Logins, openDatabase, startFileStack, type FileStack } from './support/fixtures';

interface CatalogueIndicator {
  code: string;
  aliases: string[];
  name: string;
  kind: string;
  block: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  responsibleRole: string;
  nationalTarget: string | null;
  derived: boolean;
  subRows: { code: string; name: string; kind: string }[];
}

interface Catalogue {
  semester: number | null;
  unit: { code: string; name: string } | null;
  indicators: CatalogueIndicator[];
}

describe('the indicator catalogue for the entry form', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  const http = () => request(stack.baseUrl);
  const path = '/api/v1/indicators/catalogue';

  beforeAll(async () => {
    stack = await startFileStack('indicator-catalogue');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it('answers 401 to an anonymous caller', async () => {
    const response = await http().get(`${path}?semester=1`);
    expect(response.status).toBe(401);
    expectErrorBody(response.body);
  });

  it('lists the report indicators of blocks 1–3 with kind, block, labels and responsible role', async () => {
    const response = await http()
      .get(`${path}?semester=2`)
      .set(await logins.bearer('metro.dinkes'));
    expect(response.status).toBe(200);
    const body = response.body as Catalogue;
    expect(body.semester).toBe(2);
    expect(body.unit).toBeNull();
    expect(body.indicators.length).toBeGreaterThan(50);
    for (const indicator of body.indicators) {
      expect(indicator).toEqual({
        code: expect.any(String),
        aliases: expect.any(Array),
        name: expect.any(String),
        kind: expect.stringMatching(/^(yesNo|count|percentage|ratePerThousand|directPercentage)$/),
        block: expect.stringMatching(/^[123][A-E]$/),
        numeratorLabel: indicator.numeratorLabel,
        denominatorLabel: indicator.denominatorLabel,
        responsibleRole: expect.any(String),
        nationalTarget: indicator.nationalTarget,
        derived: expect.any(Boolean),
        subRows: expect.any(Array),
      });
      const optionalTexts = [indicator.numeratorLabel, indicator.denominatorLabel, indicator.nationalTarget];
      expect(optionalTexts.map((text) => (text === null ? 'null' : typeof text))).not.toContain('undefined');
      expect(optionalTexts.every((text) => text === null || (typeof text === 'string' && text.length > 0))).toBe(true);
    }
    const codes = body.indicators.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(body.indicators.find((i) => i.code === 'Pilar 3. A7')).toMatchObject({ kind: 'percentage' });
    // Sub-rows belong to their parent row and Tabel 1.1 to Aksi 1: neither is asked for on its own.
    expect(codes).not.toContain('Pilar 1. A3_a');
    expect(body.indicators.find((i) => i.code === 'Pilar 1. A3')?.subRows).toEqual([
      { code: 'Pilar 1. A3_a', name: expect.stringContaining('1 (satu) kali'), kind: 'count' },
      { code: 'Pilar 1. A3_b', name: expect.stringContaining('2 (dua) kali'), kind: 'count' },
    ]);
    expect(body.indicators.find((i) => i.code === 'Pilar 3. A7')?.subRows).toEqual([]);
    expect(codes.some((code) => code.startsWith('Tabel 1.1'))).toBe(false);
    expect(body.indicators.some((i) => i.derived)).toBe(true);
  });

  it('narrows to the indicators the caller’s unit answers for with unit=me', async () => {
    const all = (
      await http()
        .get(path)
        .set(await logins.bearer('metro.dinkes'))
    ).body as Catalogue;
    const response = await http()
      .get(`${path}?semester=1&unit=me`)
      .set(await logins.bearer('metro.dinkes'));
    expect(response.status).toBe(200);
    const body = response.body as Catalogue;
    expect(body.unit?.code).toBe('DINKES');
    expect(body.indicators.length).toBeGreaterThan(0);
    expect(body.indicators.length).toBeLessThan(all.indicators.length);
    const dinkes = await db.getRepository(UnitRecord).findOneByOrFail({ regencyCode: '18.72', code: 'DINKES' });
    for (const indicator of body.indicators) {
      expect(indicator.derived).toBe(false);
      expect(dinkes.roleCodes).toContain(indicator.responsibleRole);
      expect(all.indicators.map((i) => i.code)).toContain(indicator.code);
    }
  });

  it('gives an empty list to a caller without a unit and refuses a malformed query', async () => {
    const admin = await logins.bearer('admin');
    const none = await http().get(`${path}?unit=me`).set(admin);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ semester: null, unit: null, indicators: [] });
    for (const query of ['semester=3', 'unit=all', 'regency=18.72']) {
      const response = await http().get(`${path}?${query}`).set(admin);
      expect(response.status).toBe(400);
      expectErrorBody(response.body);
    }
  });
});
