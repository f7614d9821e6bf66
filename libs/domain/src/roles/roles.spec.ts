import { isRoleCode, roleByCode, roleCodes, roles } from './roles';
import { isUnitCode, regencyUnits, unitByCode, unitForRole } from './units';

describe('role catalogue', () => {
  it('describes every role code once', () => {
    expect(roles.map((r) => r.code)).toEqual([...roleCodes]);
  });

  it('recognises role codes', () => {
    expect(isRoleCode('BAPPEDA')).toBe(true);
    expect(isRoleCode('bappeda')).toBe(false);
    expect(roleByCode('TPPS_SECRETARIAT').title.id).toBe('Sekretariat TPPS');
  });
});

describe.each([
  ['18.72', 'Kota Metro'],
  ['14.72', 'Kota Dumai'],
])('units of %s (%s)', (regency) => {
  const units = regencyUnits(regency);

  it('map every role to exactly one unit', () => {
    for (const role of roleCodes) {
      expect(units.filter((u) => u.roles.includes(role))).toHaveLength(1);
    }
  });

  it('use unique upper-case ASCII codes', () => {
    expect(units.every((u) => isUnitCode(u.code))).toBe(true);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
  });
});

describe('regency names for the same role', () => {
  it('differ between Metro and Dumai as the seeds print them', () => {
    expect(unitForRole('18.72', 'BAPPEDA').name).toBe('Bappeda Kota Metro');
    expect(unitForRole('14.72', 'BAPPEDA').code).toBe('BAPPEDALITBANG');
    expect(unitForRole('18.72', 'FAMILY_PLANNING').aliases).toEqual(['Dinas P3AP2KB', 'Dinas PPPAPKB Kota Metro']);
    expect(unitForRole('14.72', 'FAMILY_PLANNING').code).toBe('DPPKB');
  });

  it('let one merged Dumai office fill two roles', () => {
    expect(unitForRole('14.72', 'PMD')).toBe(unitForRole('14.72', 'DINSOS'));
  });

  it('find units by their API code, case-insensitively', () => {
    expect(unitByCode('14.72', 'dinkes')?.name).toBe('Dinas Kesehatan');
    expect(unitByCode('14.72', 'NOPE')).toBeUndefined();
    expect(isUnitCode('dinkes')).toBe(false);
  });

  it('refuse a regency without units', () => {
    expect(() => unitForRole('99.99', 'BAPPEDA')).toThrow(RangeError);
  });
});
