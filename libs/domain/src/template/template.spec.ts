import { indonesianWorkingDayRules } from '../calendar/holidays';
import { assumedFields, dueAfter, durationMillis, findAction, findStage, resolveWindow } from './resolve';
import { type YearlyTemplate } from './schema';
import { checkTemplate, parseTemplate } from './validate-template';
import { nationalTemplate } from './yearly-template';

/** A deep copy the tests may break. */
function copy(): YearlyTemplate {
  return structuredClone(nationalTemplate);
}

function issuesOf(input: unknown): { code: string; path?: string; message: string }[] {
  const result = parseTemplate(input);
  return result.ok ? [] : [...result.issues];
}

describe('the national template', () => {
  it('passes its own schema and cross-field checks', () => {
    expect(issuesOf(nationalTemplate)).toEqual([]);
  });

  it('holds Aksi 1-8 in order, two AKS variants and the TPPS calendar', () => {
    expect(nationalTemplate.actions.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(nationalTemplate.aks.map((a) => a.code)).toEqual(['AKS', 'AKS_SOP']);
    expect(nationalTemplate.calendar.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        'TPPS.REMBUK_KECAMATAN',
        'TPPS.LAPORAN_SEMESTER_1',
        'TPPS.LAPORAN_SEMESTER_2',
        'TPPS.DATA_SIGA',
      ]),
    );
  });

  it('follows 004 for Aksi 1: Bappeda, January to February, three stages with five steps in the third', () => {
    const aksi1 = findAction(nationalTemplate, 1);
    expect(aksi1?.responsible).toMatchObject({ value: 'BAPPEDA', source: 'seed' });
    expect(aksi1 && resolveWindow(aksi1.window.value, 2024)).toEqual({ start: '2024-01-01', end: '2024-02-29' });
    expect(aksi1?.stages.map((s) => s.code)).toEqual([
      'AKSI_1.T1',
      'AKSI_1.T2',
      'AKSI_1.T3.1',
      'AKSI_1.T3.2',
      'AKSI_1.T3.3',
      'AKSI_1.T3.4',
      'AKSI_1.T3.5',
    ]);
  });

  it('follows 004 for Aksi 2: five stages in February, finalisation waiting for the Rembuk agreement', () => {
    const aksi2 = findAction(nationalTemplate, 'AKSI_2');
    expect(aksi2?.stages).toHaveLength(5);
    expect(findStage(nationalTemplate, 'AKSI_2.T4')?.dependsOn.map((d) => d.on)).toContain('AKSI_3.EVENT');
    expect(aksi2 && resolveWindow(aksi2.window.value, 2026)).toEqual({ start: '2026-02-01', end: '2026-02-28' });
  });

  it('follows 004 for Aksi 3: the head of region delegating to the Sekda, the Rembuk needing Aksi 1 and the Aksi 2 draft', () => {
    const aksi3 = findAction(nationalTemplate, 3);
    expect(aksi3?.responsible.value).toBe('HEAD_OF_REGION');
    expect(aksi3?.delegatedTo?.value).toBe('SEKDA');
    expect(findStage(nationalTemplate, 'AKSI_3.T2')?.dependsOn.map((d) => d.on)).toEqual([
      'AKSI_3.T1',
      'AKSI_1',
      'AKSI_2.T1',
    ]);
    expect(findStage(nationalTemplate, 'AKSI_3.EVENT')?.deliverables.map((d) => d.kind)).toEqual([
      'signature',
      'minutes',
    ]);
  });

  it("runs the five-stage AKS twice a year in Metro's windows", () => {
    const aks = nationalTemplate.aks[0];
    expect(aks?.stages).toHaveLength(5);
    expect(aks?.rounds.value.map((r) => resolveWindow(r.window, 2024))).toEqual([
      { start: '2024-07-01', end: '2024-08-31' },
      { start: '2024-09-01', end: '2024-11-30' },
    ]);
  });

  it('gives the SOP variant three monthly monitoring visits and a second dissemination', () => {
    const sop = nationalTemplate.aks[1];
    expect(findStage(nationalTemplate, 'AKS_SOP.T5')?.recurrence?.value).toEqual({ kind: 'monthly', times: 3 });
    expect(sop?.stages.filter((s) => s.milestones?.includes('disseminated'))).toHaveLength(2);
  });

  it('finds nothing for unknown codes', () => {
    expect(findAction(nationalTemplate, 9)).toBeUndefined();
    expect(findStage(nationalTemplate, 'AKSI_9.T1')).toBeUndefined();
  });
});

describe('assumedFields', () => {
  const fields = assumedFields(nationalTemplate);

  it('lists every assumed field with a path and a note', () => {
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.every((f) => f.note.length > 0)).toBe(true);
    expect(fields.map((f) => f.path)).toContain('actions[AKSI_4].responsible');
  });

  it('never marks Aksi 1-3 responsibilities or windows as assumed', () => {
    for (const code of ['AKSI_1', 'AKSI_2', 'AKSI_3']) {
      expect(fields.map((f) => f.path)).not.toContain(`actions[${code}].responsible`);
      expect(fields.map((f) => f.path)).not.toContain(`actions[${code}].window`);
    }
  });
});

describe('parseTemplate rejects a bad template precisely', () => {
  it('names an unknown stage owner by its path', () => {
    const t = copy();
    const stage = t.actions[0]?.stages[0];
    if (stage) {
      stage.owner = { value: 'DINAS_PARIWISATA', source: 'assumed', note: 'x' };
    }
    expect(issuesOf(t)).toEqual([
      {
        code: 'UNKNOWN_ROLE',
        path: 'actions.0.stages.0.owner.value',
        message: 'actions.0.stages.0.owner.value: unknown role "DINAS_PARIWISATA"',
      },
    ]);
  });

  it('rejects a dependency on a stage that does not exist', () => {
    const t = copy();
    t.actions[1]?.stages[0]?.dependsOn.push({
      on: 'AKSI_1.T9',
      kind: 'requires',
      provenance: { source: 'assumed', note: 'x' },
    });
    expect(issuesOf(t).map((i) => [i.code, i.path])).toEqual([
      ['UNKNOWN_DEPENDENCY', 'actions.1.stages.0.dependsOn.1.on'],
    ]);
  });

  it('rejects a dependency cycle and shows it', () => {
    const t = copy();
    t.actions[0]?.stages[0]?.dependsOn.push({
      on: 'AKSI_2.T4',
      kind: 'requires',
      provenance: { source: 'assumed', note: 'x' },
    });
    const issues = issuesOf(t);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('DEPENDENCY_CYCLE');
    expect(issues[0]?.message).toMatch(/AKSI_1\.T1 → .*AKSI_2\.T4 → .*AKSI_1\.T1/);
  });

  it('lets conditional and previous-cycle dependencies point backwards without a cycle', () => {
    const t = copy();
    t.actions[0]?.stages[0]?.dependsOn.push({
      on: 'AKSI_8',
      kind: 'previousCycle',
      provenance: { source: 'assumed', note: 'x' },
    });
    expect(issuesOf(t)).toEqual([]);
  });

  it('requires a condition on a conditional dependency', () => {
    const t = copy();
    t.actions[5]?.stages[1]?.dependsOn.push({
      on: 'AKSI_1',
      kind: 'conditional',
      provenance: { source: 'assumed', note: 'x' },
    });
    expect(issuesOf(t).map((i) => i.code)).toEqual(['CONDITION_REQUIRED']);
  });

  it('rejects a window that leaves the year or uses a day that not every year has', () => {
    const t = copy();
    const a1 = t.actions[0];
    if (a1) {
      a1.window = { value: { start: { month: 11, day: 1 }, end: { month: 2, day: 29 } }, source: 'seed', cite: 'x' };
    }
    const issues = issuesOf(t);
    expect(issues.map((i) => i.path)).toEqual(['actions.0.window.value.end.day', 'actions.0.window.value.end']);
    expect(issues[0]?.message).toContain('use "last"');
    if (a1) {
      a1.window = {
        value: { start: { month: 11, day: 1 }, end: { month: 2, day: 'last' } },
        source: 'seed',
        cite: 'x',
      };
    }
    expect(issuesOf(t).map((i) => [i.path, i.message])).toEqual([
      [
        'actions.0.window.value.end',
        'actions.0.window.value.end: window ends before it starts; a window must lie inside one calendar year',
      ],
    ]);
  });

  it('reports shape errors with their path', () => {
    const t = copy() as unknown as { actions: { stages: { duration: { value: { amount: number } } }[] }[] };
    const stage = t.actions[0]?.stages[0];
    if (stage) {
      stage.duration.value.amount = 0;
    }
    const issues = issuesOf(t);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['INVALID_SHAPE', 'actions.0.stages.0.duration.value.amount'],
    ]);
  });

  it('requires each of Aksi 1-8 once', () => {
    const t = copy();
    t.actions.pop();
    const second = t.actions[1];
    if (second) {
      t.actions.push({ ...second, code: 'AKSI_2B', stages: second.stages.map((s) => ({ ...s, code: `${s.code}B` })) });
    }
    expect(issuesOf(t).map((i) => i.code)).toEqual(expect.arrayContaining(['MISSING_ACTION', 'DUPLICATE_ACTION']));
  });

  it('rejects duplicate codes, stages out of order and unknown calendar relations', () => {
    const t = copy();
    const stages = t.actions[0]?.stages;
    if (stages?.[1] && stages[0]) {
      stages[1].code = stages[0].code;
      stages[1].order = 5;
    }
    const item = t.calendar[0];
    if (item) {
      item.relatesTo = 'AKSI_99';
    }
    expect(checkTemplate(t).map((i) => i.code)).toEqual(
      expect.arrayContaining(['DUPLICATE_CODE', 'STAGE_ORDER', 'UNKNOWN_RELATION']),
    );
  });

  it('rejects a non-semantic version', () => {
    expect(issuesOf({ ...copy(), version: 'v1' }).map((i) => i.path)).toEqual(['version']);
  });
});

describe('durations as data', () => {
  const rules = indonesianWorkingDayRules();

  it('turn into due dates that skip weekends and holidays', () => {
    expect(dueAfter('2026-02-27', { amount: 5, unit: 'workingDays' }, rules)).toBe('2026-03-06');
    expect(dueAfter('2026-02-27', { amount: 5, unit: 'calendarDays' }, rules)).toBe('2026-03-04');
  });

  it('compress for tests', () => {
    expect(durationMillis({ amount: 10, unit: 'workingDays' }, { msPerDay: 1000 })).toBe(10_000);
    expect(durationMillis({ amount: 1, unit: 'calendarDays' })).toBe(86_400_000);
  });
});
