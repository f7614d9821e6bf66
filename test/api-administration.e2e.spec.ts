import request from 'supertest';
import { expectErrorBody, Logins, startFileStack, type FileStack } from './support/fixtures';

describe('regions, units, users, holiday overrides and escalation settings', () => {
  let stack: FileStack;
  let logins: Logins;
  const as = async (username: string) => ({ http: request(stack.baseUrl), auth: await logins.bearer(username) });

  beforeAll(async () => {
    stack = await startFileStack('api-administration');
    logins = new Logins(stack.baseUrl);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('regions', () => {
    it('lists provinces and regencies for the admin and reads a regency with its kecamatan', async () => {
      const { http, auth } = await as('admin');
      const list = await http.get('/api/v1/regions').set(auth);
      expect(list.status).toBe(200);
      expect((list.body as { code: string }[]).map((r) => r.code)).toEqual(
        expect.arrayContaining(['14', '14.72', '18', '18.72']),
      );
      const metro = await http.get('/api/v1/regions/18.72').set(auth);
      expect(metro.status).toBe(200);
      expect(metro.body).toMatchObject({ code: '18.72', level: 'regency', timeZone: 'Asia/Jakarta' });
      expect((metro.body.children as { code: string; level: string }[]).length).toBeGreaterThan(0);
      expect((metro.body.children as { level: string }[]).every((c) => c.level === 'district')).toBe(true);
    });

    it('lets the admin add a kecamatan, then refuses the same code with 409', async () => {
      const { http, auth } = await as('admin');
      const body = { code: '18.72.92', level: 'district', name: 'Kecamatan Uji Wilayah', parentCode: '18.72' };
      const created = await http.post('/api/v1/regions').set(auth).send(body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: '18.72.92', parentCode: '18.72', level: 'district' });
      const again = await http.post('/api/v1/regions').set(auth).send(body);
      expect(again.status).toBe(409);
      expectErrorBody(again.body, 'REGION_EXISTS');
      const read = await http.get('/api/v1/regions/18.72.92').set(auth);
      expect(read.body.name).toBe('Kecamatan Uji Wilayah');
    });

    it('refuses region changes by anyone but the admin with 403', async () => {
      const { http, auth } = await as('metro.sekretaris');
      const response = await http
        .post('/api/v1/regions')
        .set(auth)
        .send({ code: '18.72.93', level: 'district', name: 'Kecamatan Tidak Boleh', parentCode: '18.72' });
      expect(response.status).toBe(403);
    });
  });

  describe('units', () => {
    it("lists the regency's units with their role mapping", async () => {
      const { http, auth } = await as('metro.ketua');
      const units = await http.get('/api/v1/regencies/18.72/units').set(auth);
      expect(units.status).toBe(200);
      expect(units.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'DINKES', roleCodes: ['DINKES'], active: true })]),
      );
    });

    it('lets the admin create a unit and change its role mapping', async () => {
      const { http, auth } = await as('admin');
      const created = await http
        .post('/api/v1/regencies/18.72/units')
        .set(auth)
        .send({ code: 'UJI_ADMINISTRASI', name: 'Unit Uji Administrasi', email: 'uji@metro.test' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'UJI_ADMINISTRASI', roleCodes: [], active: true });
      const patched = await http
        .patch('/api/v1/regencies/18.72/units/UJI_ADMINISTRASI')
        .set(auth)
        .send({ roleCodes: ['KOMINFO', 'PMD'], name: 'Unit Uji Diubah' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ roleCodes: ['KOMINFO', 'PMD'], name: 'Unit Uji Diubah' });
      const list = await http.get('/api/v1/regencies/18.72/units').set(auth);
      expect(list.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'UJI_ADMINISTRASI', roleCodes: ['KOMINFO', 'PMD'] })]),
      );
      const duplicate = await http
        .post('/api/v1/regencies/18.72/units')
        .set(auth)
        .send({ code: 'UJI_ADMINISTRASI', name: 'Lagi' });
      expect(duplicate.status).toBe(409);
      // Retired again, so that cycles other test files start in Metro do not hand it KOMINFO/PMD tasks.
      const retired = await http
        .patch('/api/v1/regencies/18.72/units/UJI_ADMINISTRASI')
        .set(auth)
        .send({ roleCodes: [], active: false });
      expect(retired.status).toBe(200);
      expect(retired.body).toMatchObject({ roleCodes: [], active: false });
    });

    it('refuses unit changes by the TPPS secretary with 403 and unknown units with 404', async () => {
      const secretary = await as('metro.sekretaris');
      expect(
        (
          await secretary.http
            .patch('/api/v1/regencies/18.72/units/DINKES')
            .set(secretary.auth)
            .send({ name: 'Dinas X' })
        ).status,
      ).toBe(403);
      const admin = await as('admin');
      const missing = await admin.http
        .patch('/api/v1/regencies/18.72/units/TIDAK_ADA')
        .set(admin.auth)
        .send({ name: 'Dinas X' });
      expect(missing.status).toBe(404);
      expectErrorBody(missing.body, 'UNIT_NOT_FOUND');
    });
  });

  describe('users', () => {
    const officer = {
      username: 'admin-uji.petugas',
      displayName: 'Petugas Uji Administrasi',
      email: 'petugas.uji@metro.test',
      password: 'sandi-panjang-sekali',
      roles: ['opd_officer'],
      regencyCode: '18.72',
      unitCode: 'DINSOS',
    };

    it('creates an OPD officer in a unit of the regency, who can then log in', async () => {
      const { http, auth } = await as('admin');
      const created = await http.post('/api/v1/users').set(auth).send(officer);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        username: officer.username,
        roles: ['opd_officer'],
        regencyCode: '18.72',
        unitCode: 'DINSOS',
        active: true,
      });
      expect(created.body).not.toHaveProperty('passwordHash');
      const login = await http
        .post('/api/v1/auth/login')
        .send({ username: officer.username, password: officer.password });
      expect(login.status).toBe(200);
      expect((await http.post('/api/v1/users').set(auth).send(officer)).status).toBe(409);
    });

    it.each([
      ['an OPD officer without a unit', { roles: ['opd_officer'], unitCode: undefined }],
      [
        'a province viewer without a province',
        { roles: ['province_viewer'], regencyCode: undefined, unitCode: undefined },
      ],
      ['a system admin bound to a regency', { roles: ['system_admin'], unitCode: undefined }],
      ['a unit of another regency', { unitCode: 'DPPKB' }],
    ])('refuses %s with 400 INVALID_USER_SCOPE', async (_what, change) => {
      const { http, auth } = await as('admin');
      const response = await http
        .post('/api/v1/users')
        .set(auth)
        .send({ ...officer, username: 'admin-uji.tolak', ...change });
      expect(response.status).toBe(400);
      expectErrorBody(response.body, 'INVALID_USER_SCOPE');
    });

    it('creates a province viewer with a province and no regency', async () => {
      const { http, auth } = await as('admin');
      const created = await http
        .post('/api/v1/users')
        .set(auth)
        .send({
          ...officer,
          username: 'admin-uji.provinsi',
          roles: ['province_viewer'],
          regencyCode: undefined,
          unitCode: undefined,
          provinceCode: '18',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ provinceCode: '18', regencyCode: null, unitCode: null });
    });

    it("patches a user's name, roles and unit, and lists users of a regency page by page", async () => {
      const { http, auth } = await as('admin');
      const list = await http.get('/api/v1/users?regencyCode=18.72&pageSize=100').set(auth);
      expect(list.status).toBe(200);
      const target = (list.body.items as { id: string; username: string }[]).find(
        (u) => u.username === officer.username,
      );
      expect(target).toBeDefined();
      const patched = await http
        .patch(`/api/v1/users/${target!.id}`)
        .set(auth)
        .send({ displayName: 'Kepala Uji', roles: ['opd_head'], unitCode: 'DINKES' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ displayName: 'Kepala Uji', roles: ['opd_head'], unitCode: 'DINKES' });
      const page1 = await http.get('/api/v1/users?regencyCode=18.72&pageSize=2&page=1').set(auth);
      const page2 = await http.get('/api/v1/users?regencyCode=18.72&pageSize=2&page=2').set(auth);
      expect(page1.body.items).toHaveLength(2);
      expect(page1.body.total).toBe(list.body.total);
      expect(page2.body.items[0].username > page1.body.items[1].username).toBe(true);
      expect((list.body.items as { regencyCode: string }[]).every((u) => u.regencyCode === '18.72')).toBe(true);
    });

    it('refuses the user endpoints to everyone but the admin', async () => {
      const { http, auth } = await as('metro.ketua');
      expect((await http.get('/api/v1/users').set(auth)).status).toBe(403);
      expect((await http.post('/api/v1/users').set(auth).send(officer)).status).toBe(403);
    });
  });

  describe('holiday overrides and escalation settings', () => {
    it("lists the regency's holidays for a range: national days and its own overrides, for the web app's working-day phrases", async () => {
      const { http, auth } = await as('metro.dinkes');
      const list = await http.get('/api/v1/regencies/18.72/holidays?from=2027-03-01&to=2027-12-31').set(auth);
      expect(list.status).toBe(200);
      const days = list.body.days as { date: string; name: string; source: string }[];
      expect(days).toContainEqual(expect.objectContaining({ date: '2027-12-25', source: 'national' }));
      expect(days.every((d) => d.date >= '2027-03-01' && d.date <= '2027-12-31')).toBe(true);
      expect(list.body.timeZone).toBe('Asia/Jakarta');
      const backwards = await http.get('/api/v1/regencies/18.72/holidays?from=2027-03-02&to=2027-03-01').set(auth);
      expect(backwards.status).toBe(400);
      expect(backwards.body.code).toBe('RANGE_INVALID');
      const tooLong = await http.get('/api/v1/regencies/18.72/holidays?from=2027-01-01&to=2028-12-31').set(auth);
      expect(tooLong.status).toBe(400);
      const other = await as('dumai.dinkes');
      expect(
        (await other.http.get('/api/v1/regencies/18.72/holidays?from=2027-01-01&to=2027-01-31').set(other.auth)).status,
      ).toBe(404);
    });

    it('lets the TPPS secretary add, replace and remove overrides by date', async () => {
      const { http, auth } = await as('metro.sekretaris');
      const put = await http
        .put('/api/v1/regencies/18.72/holiday-overrides')
        .set(auth)
        .send({
          overrides: [
            { date: '2027-03-20', kind: 'holiday', name: 'Cuti bersama Nyepi' },
            { date: '2027-03-27', kind: 'working_day', name: 'Hari kerja pengganti' },
          ],
        });
      expect(put.status).toBe(200);
      expect(put.body).toEqual(
        expect.arrayContaining([
          { date: '2027-03-20', kind: 'holiday', name: 'Cuti bersama Nyepi' },
          { date: '2027-03-27', kind: 'working_day', name: 'Hari kerja pengganti' },
        ]),
      );
      const replaced = await http
        .put('/api/v1/regencies/18.72/holiday-overrides')
        .set(auth)
        .send({ overrides: [{ date: '2027-03-20', kind: 'holiday', name: 'Cuti bersama Hari Raya Nyepi' }] });
      expect(replaced.body.filter((o: { date: string }) => o.date === '2027-03-20')).toEqual([
        { date: '2027-03-20', kind: 'holiday', name: 'Cuti bersama Hari Raya Nyepi' },
      ]);
      expect((await http.delete('/api/v1/regencies/18.72/holiday-overrides/2027-03-27').set(auth)).status).toBe(204);
      const gone = await http.delete('/api/v1/regencies/18.72/holiday-overrides/2027-03-27').set(auth);
      expect(gone.status).toBe(404);
      const chair = await as('metro.ketua');
      const list = await chair.http.get('/api/v1/regencies/18.72/holiday-overrides').set(chair.auth);
      expect(list.status).toBe(200);
      expect((list.body as { date: string }[]).map((o) => o.date)).not.toContain('2027-03-27');
      expect(
        (await chair.http.put('/api/v1/regencies/18.72/holiday-overrides').set(chair.auth).send({ overrides: [] }))
          .status,
      ).toBe(403);
    });

    it('answers the default escalation ladder until the secretary sets one', async () => {
      const { http, auth } = await as('metro.sekretaris');
      const before = await http
        .get('/api/v1/regencies/14.72/escalation-settings')
        .set(await logins.bearer('dumai.ketua'));
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        isDefault: true,
        escalationDelivery: 'digest',
        ladder: { reminderWorkingDaysBefore: [3], secretaryAfterWorkingDays: 3, chairAfterWorkingDays: 7 },
      });
      const initial = await http.get('/api/v1/regencies/18.72/escalation-settings').set(auth);
      expect(initial.status).toBe(200);
      const settings = {
        ladder: { reminderWorkingDaysBefore: [5, 2], secretaryAfterWorkingDays: 2, chairAfterWorkingDays: 6 },
        escalationDelivery: 'immediate',
        digestTime: '06:30',
        unitDigestEnabled: false,
      };
      const put = await http.put('/api/v1/regencies/18.72/escalation-settings').set(auth).send(settings);
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ ...settings, isDefault: false });
      const read = await http
        .get('/api/v1/regencies/18.72/escalation-settings')
        .set(await logins.bearer('metro.dinkes'));
      expect(read.body).toMatchObject({ ...settings, isDefault: false });
      const refused = await http
        .put('/api/v1/regencies/18.72/escalation-settings')
        .set(auth)
        .send({ ...settings, ladder: { ...settings.ladder, chairAfterWorkingDays: 1 } });
      expect(refused.status).toBe(400);
      expectErrorBody(refused.body, 'VALIDATION_FAILED');
    });
  });
});
