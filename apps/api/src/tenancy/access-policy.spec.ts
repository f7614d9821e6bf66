import type { Principal } from '../auth/principal';
import { canActAsAssignee, canCoordinate, canReadRegency, canReadTask, canWriteRegency } from './access-policy';

const principal = (overrides: Partial<Principal>): Principal => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  email: 'u@x.test',
  roles: [],
  regencyCode: null,
  provinceCode: null,
  unitId: null,
  delegatedUnits: [],
  ...overrides,
});

const metroTask = { regencyCode: '18.72', assigneeUnitId: 'dinkes-metro', kind: 'cycle' };

describe('access policy', () => {
  it('lets a Metro user read Metro and never Dumai', () => {
    const user = principal({ roles: ['tpps_secretary'], regencyCode: '18.72' });
    expect(canReadRegency(user, '18.72')).toBe(true);
    expect(canReadRegency(user, '14.72')).toBe(false);
  });

  it('lets a province viewer read the regencies of their province only, and write none', () => {
    const viewer = principal({ roles: ['province_viewer'], provinceCode: '18' });
    expect(canReadRegency(viewer, '18.72')).toBe(true);
    expect(canReadRegency(viewer, '14.72')).toBe(false);
    expect(canReadRegency(viewer, '180.1')).toBe(false);
    expect(canWriteRegency(viewer, '18.72', ['tpps_secretary'])).toBe(false);
  });

  it('lets the system admin read and write every regency', () => {
    const admin = principal({ roles: ['system_admin'] });
    expect(canReadRegency(admin, '14.72')).toBe(true);
    expect(canCoordinate(admin, '14.72')).toBe(true);
  });

  it('shows an OPD officer the tasks of their own unit only', () => {
    const officer = principal({ roles: ['opd_officer'], regencyCode: '18.72', unitId: 'dinkes-metro' });
    expect(canReadTask(officer, metroTask)).toBe(true);
    expect(canReadTask(officer, { ...metroTask, assigneeUnitId: 'bappeda-metro' })).toBe(false);
    expect(canActAsAssignee(officer, metroTask)).toBe(true);
  });

  it('shows the TPPS secretary every task of the regency but lets them not submit for a unit', () => {
    const secretary = principal({ roles: ['tpps_secretary'], regencyCode: '18.72' });
    expect(canReadTask(secretary, metroTask)).toBe(true);
    expect(canActAsAssignee(secretary, metroTask)).toBe(false);
    expect(canCoordinate(secretary, '18.72')).toBe(true);
    expect(canCoordinate(secretary, '14.72')).toBe(false);
  });

  it('shows AKS auditors the follow-up tasks of the audit and not the cycle tasks', () => {
    const auditor = principal({ roles: ['aks_technical'], regencyCode: '18.72' });
    expect(canReadTask(auditor, metroTask)).toBe(false);
    expect(canReadTask(auditor, { ...metroTask, kind: 'aks_follow_up' })).toBe(true);
  });

  it("lets a substitute see and act on the tasks of the officer's unit during the leave", () => {
    const substitute = principal({
      roles: ['opd_officer'],
      regencyCode: '18.72',
      unitId: 'bappeda-metro',
      delegatedUnits: [{ unitId: 'dinkes-metro', onBehalfOfUserId: 'siti' }],
    });
    expect(canReadTask(substitute, metroTask)).toBe(true);
    expect(canActAsAssignee(substitute, metroTask)).toBe(true);
    expect(canActAsAssignee(substitute, { ...metroTask, regencyCode: '14.72' })).toBe(false);
  });
});
