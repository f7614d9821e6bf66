import type { DataSource } from 'typeorm';
import request from 'supertest';
import {
  databaseFingerprint,
  expectErrorBody,
  expectStatus,
  Logins,
  openDatabase,
  startFileStack,
  type FileStack,
} from './support/fixtures';

/** Years no other test file uses. */
const crudYear = 2033;
const matrixYear = 2034;
const path = (year: number) => `/api/v1/regencies/18.72/cycles/${year}/planned-activities`;

const tracked = (reference: string) => ({ status: 'tercantum', reference });

/** Rows of 000 Tabel 4 (Dukungan Kebijakan dan Anggaran) as Aksi 2 activities. */
const tabel4 = [
  {
    unitCode: 'DINKES',
    name: 'Kegiatan Aksi Bergizi',
    intervention: 'spesifik',
    target: '15840 orang remaja putri mengonsumsi TTD',
    location: 'Kota Metro',
    budget: 30_000_000,
    fundingSource: 'dak_non_fisik',
    tracking: {
      rkpd: tracked('RKPD 2024 hal. 112'),
      renja: tracked('Renja Dinkes 2024'),
      kuaPpas: { status: 'diusulkan' },
    },
  },
  {
    unitCode: 'DINKES',
    name: 'Kegiatan Penguatan Kesehatan Reproduksi Catin dan KB bagi LP/LS',
    intervention: 'spesifik',
    target: '1258 orang',
    location: 'Kota Metro',
    budget: 16_700_000,
    fundingSource: 'apbd_kabupaten_kota',
    tracking: { rkpd: tracked('RKPD 2024 hal. 113') },
  },
  {
    unitCode: 'DINSOS',
    name: 'Pendampingan program keluarga harapan (PKH)',
    intervention: 'sensitif',
    target: '4431 KPM',
    location: 'Kota Metro',
    budget: 120_860_400,
    fundingSource: 'apbd_kabupaten_kota',
    tracking: {
      rkpd: tracked('RKPD 2024 hal. 140'),
      renja: tracked('Renja Dinsos 2024'),
      kuaPpas: tracked('KUA-PPAS 2024'),
      rka: tracked('RKA Dinsos 2024'),
    },
  },
  {
    unitCode: 'DINSOS',
    name: 'Pendampingan Program Sembako Kementerian Sosial',
    intervention: 'sensitif',
    target: '7350 orang',
    location: 'Kota Metro',
    budget: 1_470_000_000,
    fundingSource: 'apbn',
  },
  {
    unitCode: 'PU_CIPTA_KARYA',
    name: 'Pelayanan terhadap Sambungan Rumah Aktif Pelanggan UPTD PAM',
    intervention: 'sensitif',
    target: '2457 Sambungan Rumah',
    location: 'Kota Metro',
    budget: 307_108_500,
    fundingSource: 'apbd_kabupaten_kota',
    tracking: { rkpd: tracked('RKPD 2024 hal. 201'), renja: { status: 'diusulkan' } },
  },
];

interface Activity {
  id: string;
  unitCode: string;
  budget: number;
  tracking: Record<string, { status: string; reference: string | null }>;
}

describe('planned activities and the integration matrix (Aksi 2)', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  const http = () => request(stack.baseUrl);

  beforeAll(async () => {
    stack = await startFileStack('planned-activities');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  describe('CRUD', () => {
    it('lets a unit officer create, read, change and remove an activity of their own unit', async () => {
      const created = await http()
        .post(path(crudYear))
        .set(await logins.bearer('metro.dinkes'))
        .send(tabel4[0]);
      expect(created.status).toBe(201);
      const activity = created.body as Activity;
      expect(activity).toMatchObject({ unitCode: 'DINKES', budget: 30_000_000, fundingSource: 'dak_non_fisik' });
      expect(activity.tracking.rkpd).toEqual({ status: 'tercantum', reference: 'RKPD 2024 hal. 112' });
      expect(activity.tracking.rka).toEqual({ status: 'belum', reference: null });

      const list = await http()
        .get(path(crudYear))
        .set(await logins.bearer('lampung.provinsi'));
      expect(list.status).toBe(200);
      expect(list.body.activities.map((a: Activity) => a.id)).toContain(activity.id);

      const changed = await http()
        .patch(`${path(crudYear)}/${activity.id}`)
        .set(await logins.bearer('metro.dinkes'))
        .send({ budget: 31_500_000, tracking: { rka: tracked('RKA Dinkes 2024 no. 7') } });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        budget: 31_500_000,
        tracking: { rka: { status: 'tercantum', reference: 'RKA Dinkes 2024 no. 7' }, rkpd: { status: 'tercantum' } },
      });

      const read = await http()
        .get(`${path(crudYear)}/${activity.id}`)
        .set(await logins.bearer('metro.ketua'));
      expect(read.body).toMatchObject({ budget: 31_500_000 });

      const removed = await http()
        .delete(`${path(crudYear)}/${activity.id}`)
        .set(await logins.bearer('metro.dinkes'));
      expect(removed.status).toBe(204);
      const gone = await http()
        .get(`${path(crudYear)}/${activity.id}`)
        .set(await logins.bearer('metro.dinkes'));
      expect(gone.status).toBe(404);
      expectErrorBody(gone.body, 'PLANNED_ACTIVITY_NOT_FOUND');
    });

    it('accepts the forms\' nil mark "-" as target and location, yet refuses a dash that starts a formula', async () => {
      const bearer = await logins.bearer('metro.dinkes');
      const nil = await http()
        .post(path(crudYear))
        .set(bearer)
        .send({ ...tabel4[0], target: '-', location: '-' });
      expect(nil.status).toBe(201);
      expect(nil.body).toMatchObject({ target: '-', location: '-' });
      const formula = await http()
        .post(path(crudYear))
        .set(bearer)
        .send({ ...tabel4[0], target: '-1+2' });
      expect(formula.status).toBe(400);
      expectErrorBody(formula.body);
      expect(
        (
          await http()
            .delete(`${path(crudYear)}/${(nil.body as Activity).id}`)
            .set(bearer)
        ).status,
      ).toBe(204);
    });

    it("lets the secretary manage any unit's rows and keeps unit staff to their own unit", async () => {
      const bySecretary = await http()
        .post(path(crudYear))
        .set(await logins.bearer('metro.sekretaris'))
        .send(tabel4[2]);
      expect(bySecretary.status).toBe(201);
      const id = (bySecretary.body as Activity).id;

      const otherUnit = await http()
        .patch(`${path(crudYear)}/${id}`)
        .set(await logins.bearer('metro.dinkes'))
        .send({ budget: 1 });
      expect(otherUnit.status).toBe(403);
      expectErrorBody(otherUnit.body, 'FORBIDDEN_UNIT');

      const forOtherUnit = await http()
        .post(path(crudYear))
        .set(await logins.bearer('metro.dinkes'))
        .send(tabel4[3]);
      expect(forOtherUnit.status).toBe(403);

      const chair = await http()
        .post(path(crudYear))
        .set(await logins.bearer('metro.ketua'))
        .send(tabel4[1]);
      expect(chair.status).toBe(403);

      const ownUnit = await http()
        .patch(`${path(crudYear)}/${id}`)
        .set(await logins.bearer('metro.dinsos'))
        .send({ tracking: { rka: { status: 'belum' } } });
      expect(ownUnit.status).toBe(200);
      expect(ownUnit.body.tracking.rka).toEqual({ status: 'belum', reference: null });
    });

    it('answers a Dumai user 404 for Metro activities and the matrix', async () => {
      const list = await http()
        .get(path(crudYear))
        .set(await logins.bearer('dumai.sekretaris'));
      expect(list.status).toBe(404);
      const create = await http()
        .post(path(crudYear))
        .set(await logins.bearer('dumai.sekretaris'))
        .send(tabel4[0]);
      expect(create.status).toBe(404);
      const matrix = await http()
        .get(`/api/v1/regencies/18.72/cycles/${crudYear}/integration-matrix`)
        .set(await logins.bearer('dumai.sekretaris'));
      expect(matrix.status).toBe(404);
      expectErrorBody(matrix.body, 'REGENCY_NOT_FOUND');
    });
  });

  describe('validation', () => {
    const valid = tabel4[1] as Record<string, unknown>;
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['a negative budget', { ...valid, budget: -5 }, 400, 'anggaran tidak boleh negatif'],
      ['a budget with cents', { ...valid, budget: 1000.5 }, 400, 'bilangan bulat rupiah'],
      ['a budget as text', { ...valid, budget: '16700000' }, 400, 'anggaran harus berupa angka rupiah'],
      ['an unknown funding source', { ...valid, fundingSource: 'hibah' }, 400, 'sumber dana harus salah satu dari'],
      [
        'an unknown intervention',
        { ...valid, intervention: 'koordinatif' },
        400,
        'intervensi harus spesifik atau sensitif',
      ],
      [
        'an inclusion without its document reference',
        { ...valid, tracking: { rkpd: { status: 'tercantum' } } },
        400,
        'harus menyebut rujukan dokumennya',
      ],
      ['a spreadsheet formula as name', { ...valid, name: '=HYPERLINK("http://x")' }, 400, 'rumus lembar kerja'],
      ['a field the form does not have', { ...valid, realisasi: 5 }, 400, 'Data tidak valid'],
      [
        'a unit the regency does not have',
        { ...valid, unitCode: 'DINAS_FIKTIF' },
        422,
        'tidak ada di kabupaten/kota ini',
      ],
    ];

    it.each(cases)(
      'refuses %s with an Indonesian message and leaves the database unchanged',
      async (_name, body, status, message) => {
        const before = await databaseFingerprint(db);
        const response = await http()
          .post(path(crudYear))
          .set(await logins.bearer('metro.sekretaris'))
          .send(body);
        expect(response.status).toBe(status);
        expectErrorBody(response.body);
        expect(response.body.message).toContain(message);
        expect(await databaseFingerprint(db)).toEqual(before);
      },
    );

    it('refuses an empty change and a malformed id without touching the database', async () => {
      const before = await databaseFingerprint(db);
      const created = await db.query(`SELECT id FROM planned_activity WHERE year = $1 LIMIT 1`, [crudYear]);
      const id = (created as { id: string }[])[0]?.id;
      expect(id).toBeDefined();
      const empty = await http()
        .patch(`${path(crudYear)}/${id}`)
        .set(await logins.bearer('metro.sekretaris'))
        .send({});
      expect(empty.status).toBe(400);
      expectErrorBody(empty.body, 'VALIDATION_FAILED');
      const badId = await http()
        .patch(`${path(crudYear)}/bukan-uuid`)
        .set(await logins.bearer('metro.sekretaris'))
        .send({ budget: 1 });
      expect(badId.status).toBe(400);
      expect(await databaseFingerprint(db)).toEqual(before);
    });
  });

  describe('integration matrix', () => {
    beforeAll(async () => {
      for (const activity of tabel4) {
        expectStatus(
          await http()
            .post(path(matrixYear))
            .set(await logins.bearer('metro.sekretaris'))
            .send(activity),
          201,
        );
      }
    });

    it('sums per unit the activities and budget that reached RKPD, Renja OPD, KUA-PPAS and RKA', async () => {
      const response = await http()
        .get(`/api/v1/regencies/18.72/cycles/${matrixYear}/integration-matrix`)
        .set(await logins.bearer('metro.ketua'));
      expect(response.status).toBe(200);
      const units = response.body.units as {
        unitCode: string;
        activities: number;
        budget: number;
        documents: Record<string, { included: number; includedBudget: number; proposed: number }>;
        budgetBySource: Record<string, number>;
      }[];
      const byUnit = Object.fromEntries(units.map((u) => [u.unitCode, u]));
      expect(Object.keys(byUnit)).toEqual(['DINKES', 'DINSOS', 'PU_CIPTA_KARYA']);
      expect(byUnit.DINKES).toMatchObject({
        activities: 2,
        budget: 46_700_000,
        documents: {
          rkpd: { included: 2, includedBudget: 46_700_000, proposed: 0 },
          renja: { included: 1, includedBudget: 30_000_000, proposed: 0 },
          kuaPpas: { included: 0, includedBudget: 0, proposed: 1 },
          rka: { included: 0, includedBudget: 0, proposed: 0 },
        },
        budgetBySource: { dak_non_fisik: 30_000_000, apbd_kabupaten_kota: 16_700_000, apbn: 0 },
      });
      expect(byUnit.DINSOS).toMatchObject({
        activities: 2,
        budget: 1_590_860_400,
        documents: { rka: { included: 1, includedBudget: 120_860_400 } },
        budgetBySource: { apbd_kabupaten_kota: 120_860_400, apbn: 1_470_000_000 },
      });
      expect(byUnit.PU_CIPTA_KARYA?.documents.renja).toEqual({ included: 0, includedBudget: 0, proposed: 1 });
      expect(response.body.total).toMatchObject({
        activities: 5,
        budget: 1_944_668_900,
        budgetBySource: {
          apbd_kabupaten_kota: 444_668_900,
          apbn: 1_470_000_000,
          dak_non_fisik: 30_000_000,
          dak_fisik: 0,
          apbd_provinsi: 0,
          dana_desa: 0,
          lainnya: 0,
        },
        documents: { rkpd: { included: 4, includedBudget: 474_668_900 } },
      });
      expect(response.body.budgetByIntervention).toEqual({ spesifik: 46_700_000, sensitif: 1_897_968_900 });
    });

    it("puts the same budget into the semester report's budget section", async () => {
      const report = await http()
        .get(`/api/v1/regencies/18.72/reports/${matrixYear}/2`)
        .set(await logins.bearer('metro.sekretaris'));
      expect(report.status).toBe(200);
      expect(report.body.budget.total).toMatchObject({ activities: 5, budget: 1_944_668_900 });
      expect(report.body.plannedActivities).toHaveLength(5);
    });
  });
});
