import type { Principal } from '../auth/principal';
import { canGradeRegency, provinceAccess } from './province-access';

const principal = (over: Partial<Principal>): Principal => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  email: 'u@contoh.test',
  roles: [],
  regencyCode: null,
  provinceCode: null,
  unitId: null,
  delegatedUnits: [],
  ...over,
});

describe('province access', () => {
  const lampung = principal({ roles: ['province_viewer'], provinceCode: '18' });
  const riau = principal({ roles: ['province_viewer'], provinceCode: '14' });
  const metroChair = principal({ roles: ['tpps_chair'], regencyCode: '18.72' });
  const admin = principal({ roles: ['system_admin'] });

  it('lets a province viewer see their own province, hides other provinces and refuses regency staff', () => {
    expect(provinceAccess(lampung, '18')).toBe('allowed');
    expect(provinceAccess(riau, '18')).toBe('hidden');
    expect(provinceAccess(metroChair, '18')).toBe('forbidden');
    expect(provinceAccess(admin, '14')).toBe('allowed');
  });

  it("lets only the regency's province viewers and the admin set final grades", () => {
    expect(canGradeRegency(lampung, '18.72')).toBe(true);
    expect(canGradeRegency(riau, '18.72')).toBe(false);
    expect(canGradeRegency(metroChair, '18.72')).toBe(false);
    expect(canGradeRegency(admin, '14.72')).toBe(true);
  });
});
