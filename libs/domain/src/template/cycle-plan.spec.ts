import { regencyUnits } from '../roles/units';
import { planCycle } from './cycle-plan';
import { nationalTemplate } from './yearly-template';

const metroUnitsForRole = (role: string): string[] =>
  regencyUnits('18.72')
    .filter((unit) => (unit.roles as readonly string[]).includes(role))
    .map((unit) => unit.code);

describe('planCycle', () => {
  const plan = planCycle(nationalTemplate, {
    regencyCode: '18.72',
    year: 2026,
    timeZone: 'Asia/Jakarta',
    unitsForRole: metroUnitsForRole,
  });

  it('lists the eight actions in order with their windows resolved to dates of the year', () => {
    expect(plan.actions.map((a) => a.code)).toEqual([
      'AKSI_1',
      'AKSI_2',
      'AKSI_3',
      'AKSI_4',
      'AKSI_5',
      'AKSI_6',
      'AKSI_7',
      'AKSI_8',
    ]);
    for (const action of plan.actions) {
      expect(action.window.start.startsWith('2026-')).toBe(true);
      expect(action.window.end >= action.window.start).toBe(true);
    }
  });

  it("gives Aksi 1 to Metro's planning agency, as the guide assigns it to Bappeda", () => {
    const aksi1 = plan.actions[0];
    expect(aksi1?.responsibleRole).toBe('BAPPEDA');
    expect(aksi1?.responsibleUnitCode).toBe(metroUnitsForRole('BAPPEDA')[0]);
    expect(aksi1?.stages.length).toBeGreaterThan(0);
    expect(aksi1?.stages.map((s) => s.order)).toEqual(
      [...(aksi1?.stages.map((s) => s.order) ?? [])].sort((a, b) => a - b),
    );
  });

  it('keeps the dependency of the rembuk on Aksi 1 and Aksi 2 as stage requirements', () => {
    const aksi3 = plan.actions.find((a) => a.code === 'AKSI_3');
    const required = new Set([...(aksi3?.requires ?? []), ...(aksi3?.stages.flatMap((s) => s.requires) ?? [])]);
    expect([...required].some((code) => code.startsWith('AKSI_1') || code.startsWith('A1'))).toBe(true);
    expect([...required].some((code) => code.startsWith('AKSI_2') || code.startsWith('A2'))).toBe(true);
  });

  it('reports roles no unit plays instead of inventing an owner', () => {
    const none = planCycle(nationalTemplate, {
      regencyCode: '18.72',
      year: 2026,
      timeZone: 'Asia/Jakarta',
      unitsForRole: () => [],
    });
    expect(none.actions.every((a) => a.responsibleUnitCode === null)).toBe(true);
    expect(none.unmappedRoles).toContain('BAPPEDA');
  });
});
