import { weekendOnlyRules } from '../calendar/working-days';
import { defaultEscalationLadder, escalationLadderSchema, escalationSteps } from './escalation-ladder';

describe('escalation ladder', () => {
  const rules = weekendOnlyRules();

  it('places the default ladder around a Friday deadline, skipping the weekend', () => {
    // Friday 27 February 2026, WIB (UTC+7).
    const steps = escalationSteps('2026-02-27', defaultEscalationLadder, rules, 'Asia/Jakarta');
    expect(steps.map((s) => [s.kind, s.level, s.at.toISOString()])).toEqual([
      ['reminder', 1, '2026-02-24T01:00:00.000Z'], // Tuesday 08:00 WIB
      ['overdue', 2, '2026-02-27T16:59:59.000Z'], // Friday 23:59:59 WIB
      ['secretary', 3, '2026-03-04T01:00:00.000Z'], // Wednesday after +3 working days
      ['chair', 4, '2026-03-10T01:00:00.000Z'], // Tuesday after +7 working days
    ]);
  });

  it('orders two reminders earliest first and numbers them', () => {
    const steps = escalationSteps(
      '2026-02-27',
      { ...defaultEscalationLadder, reminderWorkingDaysBefore: [1, 5] },
      rules,
      'Asia/Makassar',
    );
    expect(steps.slice(0, 2).map((s) => [s.ordinal, s.at.toISOString()])).toEqual([
      [1, '2026-02-20T00:00:00.000Z'], // Friday a week before, 08:00 WITA
      [2, '2026-02-26T00:00:00.000Z'],
    ]);
  });

  it('rejects more than two reminders, duplicate reminders and a chair before the secretary', () => {
    expect(
      escalationLadderSchema.safeParse({ ...defaultEscalationLadder, reminderWorkingDaysBefore: [1, 2, 3] }).success,
    ).toBe(false);
    expect(
      escalationLadderSchema.safeParse({ ...defaultEscalationLadder, reminderWorkingDaysBefore: [2, 2] }).success,
    ).toBe(false);
    expect(escalationLadderSchema.safeParse({ ...defaultEscalationLadder, chairAfterWorkingDays: 3 }).success).toBe(
      false,
    );
    expect(escalationLadderSchema.safeParse(defaultEscalationLadder).success).toBe(true);
  });
});
