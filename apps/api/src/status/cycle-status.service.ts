import { Inject, Injectable } from '@nestjs/common';
import {
  actionProgress,
  findIndicator,
  findVillage,
  focusLocationsFor,
  focusVillages,
  lateness,
  portalMilestoneLabel,
  portalMilestones,
  stageBlockers,
  stageStatus,
  targetAttainment,
  unfinishedDependencies,
  unitPerformance,
  workStatusLabel,
  type CyclePlanAction,
  type VillageCoverage,
} from '@konvergensi/domain';
import {
  IndicatorValueRecord,
  LokusVillageRecord,
  VillageSituationRecord,
  type RegionRecord,
} from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { achievementOf } from '../indicators/indicator-entry';
import { DATA_SOURCE } from '../tokens';
import { CycleFactsLoader, statusByCode, type CycleFacts } from './cycle-facts.service';

const latenessNote =
  'daysLate: hari kalender setelah hari batas waktu (seperti pengingat "terlambat N hari"); workingDaysLate: hari kerja (akhir pekan, libur nasional dan cuti bersama kabupaten/kota tidak dihitung).';

/** Per-action status of a cycle with progress, portal milestones and what each action waits for. */
export function actionStatuses(facts: CycleFacts) {
  const stageViews = facts.stages.map((stage) => ({ stage, status: stageStatus(stage, facts.now) }));
  const progressByAction = new Map(
    facts.actions.map((action) => [
      action.id,
      actionProgress(
        {
          code: action.code,
          status: action.status,
          windowEnd: action.windowEnd,
          stages: facts.stages.filter((s) => s.actionId === action.id),
        },
        facts.now,
        facts.today,
      ),
    ]),
  );
  const lookup = statusByCode(
    facts.actions.map((a) => ({ code: a.code, status: progressByAction.get(a.id)!.status })),
    stageViews.map((v) => ({ code: v.stage.code, status: v.status })),
  );
  const titleOf = (code: string) =>
    facts.actions.find((a) => a.code === code)?.title ?? facts.stages.find((s) => s.code === code)?.title ?? code;
  const unit = (id: string | null) => {
    const record = id ? facts.units.get(id) : undefined;
    return record ? { code: record.code, name: record.name } : null;
  };
  return facts.actions.map((action) => {
    const progress = progressByAction.get(action.id)!;
    const planned: CyclePlanAction | undefined = facts.plan.actions?.find((a) => a.code === action.code);
    const startedStages = stageViews.filter((v) => v.stage.actionId === action.id && v.status !== 'not_started');
    // What the action's stages that have not opened yet are waiting for, outside the action itself
    // (the rembuk's preparation waits for the situation analysis): named, with their status.
    const openedCodes = new Set(startedStages.map((v) => v.stage.code));
    const waitingOn =
      planned && progress.status !== 'done'
        ? unfinishedDependencies(
            {
              ...planned,
              requires: startedStages.length === 0 ? planned.requires : [],
              stages: planned.stages.filter((stage) => !openedCodes.has(stage.code)),
            },
            lookup,
          ).map((d) => ({
            code: d.code,
            kind: d.kind,
            title: titleOf(d.code),
            status: d.status ?? null,
            statusLabel: d.status ? workStatusLabel[d.status] : null,
            neededBy: d.neededBy,
          }))
        : [];
    const milestones = facts.milestones.filter((m) => m.actionId === action.id);
    const recorded = portalMilestones
      .map((code) => milestones.find((m) => m.milestone === code))
      .filter((m) => m !== undefined);
    return {
      id: action.id,
      code: action.code,
      number: action.sequence,
      title: action.title,
      responsibleUnit: unit(action.responsibleUnitId),
      window: { start: action.windowStart, end: action.windowEnd },
      status: progress.status,
      statusLabel: progress.label,
      progress: {
        stagesDone: progress.stagesDone,
        stagesTotal: progress.stagesTotal,
        share: Math.round(progress.share * 1000) / 1000,
        percent: progress.percent,
      },
      lateStages: progress.lateStages,
      waitingOn,
      portal: {
        milestones: recorded.map((m) => ({
          milestone: m.milestone,
          label: portalMilestoneLabel[m.milestone],
          reachedOn: m.reachedOn,
          note: m.note,
          recordedBy: m.recordedBy,
          recordedAt: m.recordedAt.toISOString(),
        })),
        next: portalMilestones.find((code) => !milestones.some((m) => m.milestone === code)) ?? null,
        approvedFiles: facts.approvedFilesByAction.get(action.id) ?? 0,
      },
      stages: stageViews
        .filter((v) => v.stage.actionId === action.id)
        .map(({ stage, status }) => ({
          id: stage.id,
          code: stage.code,
          order: stage.sequence,
          title: stage.title,
          ownerUnit: unit(stage.ownerUnitId),
          status,
          statusLabel: workStatusLabel[status],
          dueAt: stage.dueAt?.toISOString() ?? null,
          openedAt: stage.openedAt?.toISOString() ?? null,
          closedAt: stage.closedAt?.toISOString() ?? null,
        })),
    };
  });
}

/** For each late stage, the tasks that hold it, with unit, lateness and escalation level. */
export function lateStageBlockers(facts: CycleFacts) {
  return facts.stages
    .filter((stage) => stageStatus(stage, facts.now) === 'late')
    .map((stage) => {
      const action = facts.actions.find((a) => a.id === stage.actionId)!;
      const owner = stage.ownerUnitId ? facts.units.get(stage.ownerUnitId) : undefined;
      const tasks = stageBlockers(
        facts.tasks.filter((t) => t.stageId === stage.id),
        facts.now,
        facts.calendar.zone,
        facts.calendar.rules,
      );
      const stageLate = stage.dueAt
        ? lateness(stage.dueAt, facts.now, facts.calendar.zone, facts.calendar.rules)
        : null;
      return {
        action: { code: action.code, number: action.sequence, title: action.title },
        stage: {
          id: stage.id,
          code: stage.code,
          title: stage.title,
          ownerUnit: owner ? { code: owner.code, name: owner.name } : null,
          dueAt: stage.dueAt?.toISOString() ?? null,
          daysLate: stageLate?.calendarDays ?? null,
          workingDaysLate: stageLate?.workingDays ?? null,
        },
        tasks: tasks.map((b) => ({
          taskId: b.taskId,
          title: b.title,
          unit: b.unit,
          status: b.status,
          waitingFor: b.waitingFor,
          dueAt: b.dueAt.toISOString(),
          daysLate: b.late.calendarDays,
          workingDaysLate: b.late.workingDays,
          escalationLevel: b.escalationLevel,
        })),
      };
    })
    .sort((a, b) => a.action.number - b.action.number);
}

/** The status read of a regency's year (GET …/cycles/{year}/status). */
@Injectable()
export class CycleStatusReader {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly loader: CycleFactsLoader,
  ) {}

  async read(regency: RegionRecord, year: number, now = new Date()) {
    const facts = await this.loader.load(regency, year, now);
    if (!facts) return undefined;
    const { zone, rules } = facts.calendar;
    const at = facts.now;
    const overdue = facts.tasks.filter(
      (t) => (t.status === 'open' || t.status === 'returned') && t.dueAt.getTime() < at.getTime(),
    );
    const overdueUnits = [...new Set(overdue.map((t) => t.unitCode))].sort();
    return {
      regencyCode: regency.code,
      regencyName: regency.name,
      year,
      asOf: at.toISOString(),
      today: facts.today,
      clock: facts.compressed ? ('compressed' as const) : ('real' as const),
      latenessUnits: latenessNote,
      actions: actionStatuses(facts),
      blockers: lateStageBlockers(facts),
      overdueByUnit: overdueUnits.map((code) => {
        const tasks = overdue.filter((t) => t.unitCode === code);
        return {
          unit: { code, name: tasks[0]!.unitName },
          count: tasks.length,
          tasks: tasks.map((t) => {
            const late = lateness(t.dueAt, at, zone, rules);
            return {
              taskId: t.id,
              title: t.title,
              dueAt: t.dueAt.toISOString(),
              daysLate: late.calendarDays,
              workingDaysLate: late.workingDays,
              escalationLevel: t.escalationLevel,
            };
          }),
        };
      }),
      units: unitPerformance(facts.tasks, at),
      indicators: await this.indicators(regency.code, year),
      focusVillages: await this.focusVillages(facts),
    };
  }

  /** Achievement against the catalogue's targets for the latest semester of the year with values. */
  private async indicators(regencyCode: string, year: number) {
    const latest: { semester: number | null }[] = await this.dataSource.query(
      `SELECT max(semester) AS semester FROM indicator_value WHERE regency_code = $1 AND year = $2`,
      [regencyCode, year],
    );
    const semester = latest[0]?.semester ?? null;
    if (semester === null) return { semester: null, withTarget: 0, met: 0, values: [] };
    const rows = await this.dataSource.getRepository(IndicatorValueRecord).find({
      where: { regencyCode, year, semester },
      order: { indicatorCode: 'ASC' },
    });
    const values = rows.map((row) => {
      const indicator = findIndicator(row.indicatorCode)?.indicator;
      const achievement = achievementOf(row);
      const attainment =
        achievement.status === 'invalid'
          ? { target: indicator?.nationalTarget?.text ?? null, targetValue: null, direction: 'atLeast', met: null }
          : targetAttainment(indicator, achievement);
      return {
        code: row.indicatorCode,
        name: indicator?.name ?? row.indicatorCode,
        achievement,
        target: attainment.target,
        targetValue: attainment.targetValue,
        direction: attainment.direction,
        met: attainment.met,
      };
    });
    const judged = values.filter((v) => v.met !== null);
    return {
      semester: Number(semester),
      withTarget: judged.length,
      met: judged.filter((v) => v.met === true).length,
      values,
    };
  }

  /**
   * The focus villages (desa/kelurahan lokasi fokus): the list the secretary confirmed; otherwise
   * the analysis of libs/domain over the villages' submitted data; otherwise the regency's decree
   * for the year from the seeds.
   */
  private async focusVillages(facts: CycleFacts) {
    const code = facts.regency.code;
    const name = (id: string) => findVillage(code, id)?.name ?? id;
    const confirmed = await this.dataSource
      .getRepository(LokusVillageRecord)
      .find({ where: { cycleId: facts.cycle.id, status: 'confirmed' }, order: { rank: 'ASC', villageCode: 'ASC' } });
    if (confirmed.length > 0) {
      return {
        source: 'confirmed' as const,
        villages: confirmed.map((v) => ({ code: v.villageCode, name: name(v.villageCode), rank: v.rank })),
      };
    }
    const situations = await this.dataSource.getRepository(VillageSituationRecord).findBy({ cycleId: facts.cycle.id });
    if (situations.length > 0) {
      // Units report parts of a village's picture (the health office prevalence, others coverage).
      const byVillage = new Map<string, { prevalence?: number; cases?: number; coverage: Record<string, number> }>();
      for (const row of situations) {
        const entry = byVillage.get(row.villageCode) ?? { coverage: {} };
        if (row.prevalence !== null) entry.prevalence = Number(row.prevalence);
        if (row.cases !== null) entry.cases = row.cases;
        Object.assign(entry.coverage, row.coverage);
        byVillage.set(row.villageCode, entry);
      }
      const villages: VillageCoverage[] = [...byVillage.entries()]
        .filter(([, v]) => v.prevalence !== undefined && v.cases !== undefined)
        .map(([id, v]) => ({ id, prevalence: v.prevalence!, cases: v.cases!, mainCoverage: v.coverage }));
      const analysis = focusVillages(villages);
      return {
        source: 'analysis' as const,
        averagePrevalence: analysis.averagePrevalence,
        averageCases: analysis.averageCases,
        villages: analysis.selected.map((v, index) => ({
          code: v.id,
          name: name(v.id),
          rank: index + 1,
          prevalence: v.prevalence,
          cases: v.cases,
          lowMainIndicators: v.lowMainIndicators,
        })),
      };
    }
    const decree = focusLocationsFor(code, facts.cycle.year);
    if (decree) {
      return {
        source: 'decree' as const,
        decree: decree.decree,
        villages: decree.villageIds.map((id, index) => ({ code: id, name: name(id), rank: index + 1 })),
      };
    }
    return { source: 'none' as const, villages: [] };
  }
}
