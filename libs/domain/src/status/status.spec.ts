import { weekendOnlyRules } from '../calendar/working-days';
import { findIndicator, indicatorCatalogue } from '../indicators/catalogue';
import { stageBlockers, unfinishedDependencies, type TaskFacts } from './blockers';
import { targetAttainment } from './indicator-attainment';
import { checkPortalMilestone } from './portal-milestones';
import { unitPerformance } from './unit-performance';
import { actionProgress, effectiveStatus, lateness, stageStatus, stageWasLate } from './work-status';

// Wednesday 4 March 2026, 10:00 WIB.
const now = new Date('2026-03-04T03:00:00Z');
const today = '2026-03-04';
const rules = weekendOnlyRules();
/** 23:59:59 WIB of a day. */
const due = (day: string) => new Date(`${day}T16:59:59Z`);

describe('work status', () => {
  it('makes a stored status late once its window has closed, but never a finished one', () => {
    expect(effectiveStatus('in_progress', '2026-03-03', today)).toBe('late');
    expect(effectiveStatus('not_started', '2026-03-04', today)).toBe('not_started');
    expect(effectiveStatus('done', '2026-01-31', today)).toBe('done');
  });

  it('reads a stage still open past its due instant as late', () => {
    expect(stageStatus({ code: 'S', status: 'in_progress', dueAt: due('2026-03-03') }, now)).toBe('late');
    expect(stageStatus({ code: 'S', status: 'in_progress', dueAt: due('2026-03-04') }, now)).toBe('in_progress');
    expect(stageStatus({ code: 'S', status: 'not_started', dueAt: null }, now)).toBe('not_started');
  });

  it('counts a stage closed after its due instant as late for timeliness', () => {
    expect(
      stageWasLate(
        { code: 'S', status: 'done', dueAt: due('2026-03-02'), closedAt: new Date('2026-03-03T02:00:00Z') },
        now,
      ),
    ).toBe(true);
    expect(
      stageWasLate(
        { code: 'S', status: 'done', dueAt: due('2026-03-02'), closedAt: new Date('2026-03-02T02:00:00Z') },
        now,
      ),
    ).toBe(false);
  });

  it('reports an action late with the share of its stages done when one stage is late', () => {
    const progress = actionProgress(
      {
        code: 'AKSI_1',
        status: 'in_progress',
        windowEnd: '2026-02-28',
        stages: [
          { code: 'AKSI_1.T1', status: 'done', dueAt: due('2026-01-10') },
          { code: 'AKSI_1.T2', status: 'in_progress', dueAt: due('2026-03-02') },
          { code: 'AKSI_1.T3', status: 'not_started', dueAt: null },
          { code: 'AKSI_1.T4', status: 'not_started', dueAt: null },
        ],
      },
      now,
      today,
    );
    expect(progress).toMatchObject({
      status: 'late',
      label: 'terlambat',
      stagesDone: 1,
      stagesTotal: 4,
      share: 0.25,
      percent: 25,
      lateStages: ['AKSI_1.T2'],
    });
  });

  it('reads an action whose stage has started as in progress before the action row catches up', () => {
    const progress = actionProgress(
      {
        code: 'AKSI_2',
        status: 'not_started',
        windowEnd: '2026-12-31',
        stages: [{ code: 'AKSI_2.T1', status: 'in_progress', dueAt: due('2026-03-10') }],
      },
      now,
      today,
    );
    expect(progress.status).toBe('in_progress');
    expect(progress.label).toBe('berjalan');
  });

  it('reads an action with every stage done as done', () => {
    const progress = actionProgress(
      {
        code: 'AKSI_5',
        status: 'in_progress',
        windowEnd: '2026-01-01',
        stages: [{ code: 'AKSI_5.T1', status: 'done', dueAt: null }],
      },
      now,
      today,
    );
    expect(progress).toMatchObject({ status: 'done', label: 'selesai', percent: 100 });
  });

  it('counts lateness in calendar days and in working days, skipping the weekend', () => {
    // Due Friday 27 February; on Wednesday 4 March that is 5 calendar days and 3 working days late.
    expect(lateness(due('2026-02-27'), now, 'Asia/Jakarta', rules)).toEqual({ calendarDays: 5, workingDays: 3 });
    expect(lateness(due('2026-03-05'), now, 'Asia/Jakarta', rules)).toEqual({ calendarDays: 0, workingDays: 0 });
  });
});

describe('blockers', () => {
  const task = (over: Partial<TaskFacts>): TaskFacts => ({
    id: 'a',
    title: 'Data cakupan layanan',
    unitCode: 'DINKES',
    unitName: 'Dinas Kesehatan',
    status: 'open',
    dueAt: due('2026-02-27'),
    escalationLevel: 0,
    ...over,
  });

  it('names the open and returned tasks of a late stage first, most escalated first, and leaves approved ones out', () => {
    const blockers = stageBlockers(
      [
        task({ id: 'approved', status: 'approved' }),
        task({ id: 'submitted', status: 'submitted', escalationLevel: 4 }),
        task({ id: 'open', status: 'open', escalationLevel: 1 }),
        task({ id: 'returned', status: 'returned', escalationLevel: 3, unitCode: 'DINSOS', unitName: 'Dinas Sosial' }),
      ],
      now,
      'Asia/Jakarta',
      rules,
    );
    expect(blockers.map((b) => [b.taskId, b.waitingFor, b.escalationLevel])).toEqual([
      ['returned', 'submission', 3],
      ['open', 'submission', 1],
      ['submitted', 'approval', 4],
    ]);
    expect(blockers[0]).toMatchObject({ unit: { code: 'DINSOS' }, late: { calendarDays: 5, workingDays: 3 } });
  });

  it('names the unfinished dependencies of an action outside its own stages, with the stages waiting for them', () => {
    const status: Record<string, 'done' | 'in_progress' | 'not_started'> = {
      AKSI_1: 'in_progress',
      'AKSI_2.T1': 'not_started',
      'AKSI_2.T3': 'done',
    };
    const waiting = unfinishedDependencies(
      {
        code: 'AKSI_3',
        requires: [],
        stages: [
          { code: 'AKSI_3.T1', requires: [] },
          { code: 'AKSI_3.T2', requires: ['AKSI_3.T1', 'AKSI_1', 'AKSI_2.T1'] },
          { code: 'AKSI_3.EVENT', requires: ['AKSI_3.T2', 'AKSI_2.T3'] },
        ],
      },
      (code) => status[code],
    );
    expect(waiting).toEqual([
      { code: 'AKSI_1', kind: 'action', status: 'in_progress', neededBy: ['AKSI_3.T2'] },
      { code: 'AKSI_2.T1', kind: 'stage', status: 'not_started', neededBy: ['AKSI_3.T2'] },
    ]);
  });

  it('names nothing when every dependency is done', () => {
    expect(unfinishedDependencies({ code: 'AKSI_2', requires: ['AKSI_1'], stages: [] }, () => 'done')).toEqual([]);
  });
});

describe('unit performance', () => {
  it('computes the on-time rate as tasks approved on or before their due instant over tasks approved', () => {
    const dinkes = { unitCode: 'DINKES', unitName: 'Dinas Kesehatan' };
    const rows = unitPerformance(
      [
        { ...dinkes, status: 'approved', dueAt: due('2026-02-20'), approvedAt: new Date('2026-02-19T03:00:00Z') },
        { ...dinkes, status: 'approved', dueAt: due('2026-02-20'), approvedAt: due('2026-02-20') },
        { ...dinkes, status: 'approved', dueAt: due('2026-02-20'), approvedAt: new Date('2026-02-23T03:00:00Z') },
        { ...dinkes, status: 'open', dueAt: due('2026-03-02'), approvedAt: null },
        { ...dinkes, status: 'cancelled', dueAt: due('2026-02-01'), approvedAt: null },
        { unitCode: 'DINSOS', unitName: 'Dinas Sosial', status: 'open', dueAt: due('2026-03-20'), approvedAt: null },
      ],
      now,
    );
    expect(rows).toEqual([
      {
        unit: { code: 'DINKES', name: 'Dinas Kesehatan' },
        openTasks: 1,
        overdueTasks: 1,
        closedTasks: 3,
        closedOnTime: 2,
        onTimeRate: 66.7,
      },
      {
        unit: { code: 'DINSOS', name: 'Dinas Sosial' },
        openTasks: 1,
        overdueTasks: 0,
        closedTasks: 0,
        closedOnTime: 0,
        onTimeRate: null,
      },
    ]);
  });
});

describe('indicator attainment', () => {
  it('reaches a coverage target at or above it', () => {
    const indicator = findIndicator('Pilar 3. B6')?.indicator;
    expect(targetAttainment(indicator, { status: 'computed', value: 75, exact: 75, display: '75' })).toMatchObject({
      target: '70% Tahun 2024',
      targetValue: 70,
      direction: 'atLeast',
      met: true,
    });
    expect(
      targetAttainment(indicator, { status: 'computed', value: 69.99, exact: 69.9912, display: '69,99' }).met,
    ).toBe(false);
  });

  it('reaches an unmet-need target by staying at or below it', () => {
    const unmet = indicatorCatalogue.find((i) => i.name === 'Persentase unmet need pelayanan keluarga berencana');
    expect(unmet?.nationalTarget?.value).toBe(7.4);
    expect(targetAttainment(unmet, { status: 'computed', value: 4.6, exact: 4.6, display: '4,60' })).toMatchObject({
      direction: 'atMost',
      met: true,
    });
  });

  it('cannot judge a value that is not computable', () => {
    const indicator = findIndicator('Pilar 3. B6')?.indicator;
    expect(
      targetAttainment(indicator, {
        status: 'notComputable',
        reason: 'zeroDenominator',
        display: 'tidak dapat dihitung',
      }).met,
    ).toBeNull();
  });
});

describe('portal milestones', () => {
  it('accepts the milestones in order, on or after the previous date', () => {
    const recorded = [{ milestone: 'data_entered' as const, reachedOn: '2026-02-10' }];
    expect(checkPortalMilestone(recorded, { milestone: 'documents_uploaded', reachedOn: '2026-02-12' }, today).ok).toBe(
      true,
    );
  });

  it('refuses a milestone whose previous one is not recorded, in Indonesian', () => {
    const result = checkPortalMilestone([], { milestone: 'verified_by_bappeda', reachedOn: '2026-02-12' }, today);
    const issues = result.ok ? [] : result.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'MILESTONE_OUT_OF_ORDER' });
    expect(issues[0]!.message).toContain('hanya dapat dicatat setelah tahap "Data diinput ke Aksi Bangda"');
  });

  it('refuses a date before the previous milestone, after the next one, or in the future', () => {
    const recorded = [
      { milestone: 'data_entered' as const, reachedOn: '2026-02-10' },
      { milestone: 'documents_uploaded' as const, reachedOn: '2026-02-12' },
      { milestone: 'verified_by_bappeda' as const, reachedOn: '2026-02-20' },
    ];
    const codes = (milestone: 'documents_uploaded' | 'reviewed_by_province', reachedOn: string) => {
      const result = checkPortalMilestone(recorded, { milestone, reachedOn }, today);
      return result.ok ? [] : result.issues.map((i) => i.code);
    };
    expect(codes('documents_uploaded', '2026-02-09')).toEqual(['MILESTONE_BEFORE_PREVIOUS']);
    expect(codes('documents_uploaded', '2026-02-21')).toEqual(['MILESTONE_AFTER_NEXT']);
    expect(codes('reviewed_by_province', '2026-03-05')).toEqual(['MILESTONE_IN_FUTURE']);
    expect(codes('documents_uploaded', '2026-02-15')).toEqual([]);
  });
});
