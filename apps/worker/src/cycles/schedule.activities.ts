import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import {
  annualCycleWorkflowId,
  type AnnualCycleInput,
  type SemesterCollectionActivities,
  type TaskWorkflowInput,
} from '@konvergensi/contracts';
import {
  addWorkingDays,
  compressionSnapshot,
  cycleTimeline,
  localDateOf,
  nationalTemplate,
  planCycle,
  regencyCalendar,
  semesterCollectionPlan,
  taskScheduleFor,
  type TimeCompression,
} from '@konvergensi/domain';
import {
  CycleRecord,
  UnitRecord,
  insertCycle,
  loadRegencyCalendarSettings,
  uuidFromKey,
} from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE } from '../tokens';

/** Working days a unit has for its semester data (assumed; 000 gives the month, not the span). */
export const semesterCollectionWorkingDays = 10;

/** The activities behind the regency Schedules: the year's cycle and the semester's data collection. */
@Injectable()
export class ScheduleActivitiesProvider implements SemesterCollectionActivities {
  private readonly compression: TimeCompression | undefined;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.compression = config.TIME_COMPRESSION_SECONDS_PER_DAY
      ? { origin: new Date(), secondsPerDay: config.TIME_COMPRESSION_SECONDS_PER_DAY }
      : undefined;
  }

  async prepareYearCycle({
    regencyCode,
  }: {
    regencyCode: string;
  }): Promise<{ workflowId: string; input: AnnualCycleInput } | null> {
    const calendar = regencyCalendar(await loadRegencyCalendarSettings(this.dataSource, regencyCode));
    // Schedules fire on the real calendar; a compressed clock only shortens the deadlines inside.
    const year = Number(localDateOf(new Date(), calendar.zone).slice(0, 4));
    const workflowId = annualCycleWorkflowId(regencyCode, year);
    if (await this.dataSource.getRepository(CycleRecord).existsBy({ regencyCode, year })) return null;
    const units = await this.dataSource
      .getRepository(UnitRecord)
      .find({ where: { regencyCode, active: true }, order: { code: 'ASC' } });
    const plan = planCycle(nationalTemplate, {
      regencyCode,
      year,
      timeZone: calendar.zone,
      unitsForRole: (role) => units.filter((u) => u.roleCodes.includes(role)).map((u) => u.code),
    });
    return this.dataSource.transaction(async (manager) => {
      const stored = await insertCycle(manager, {
        regencyCode,
        year,
        plan,
        clock: compressionSnapshot(this.compression),
        workflowId,
        createdBy: null,
      });
      const idOf = (map: Map<string, string>) => (code: string) => map.get(code) ?? '';
      return {
        workflowId,
        input: {
          cycleId: stored.cycle.id,
          regencyCode,
          year,
          actions: cycleTimeline(
            plan,
            { actionId: idOf(stored.actionIds), stageId: idOf(stored.stageIds) },
            calendar.zone,
            this.compression,
          ),
        },
      };
    });
  }

  async planSemesterCollection({ regencyCode }: { regencyCode: string }): Promise<TaskWorkflowInput[]> {
    const calendar = regencyCalendar(await loadRegencyCalendarSettings(this.dataSource, regencyCode));
    const today = localDateOf(new Date(), calendar.zone);
    const year = Number(today.slice(0, 4));
    // July collects semester 1, December semester 2 (000's agenda); earlier months the previous one.
    const month = Number(today.slice(5, 7));
    const semester = month >= 12 ? 2 : month >= 7 ? 1 : 2;
    const reportYear = month >= 7 ? year : year - 1;
    const units = await this.dataSource
      .getRepository(UnitRecord)
      .find({ where: { regencyCode, active: true }, order: { code: 'ASC' } });
    const plan = semesterCollectionPlan(units.map((u) => ({ code: u.code, name: u.name, roles: u.roleCodes })));
    const schedule = taskScheduleFor(
      addWorkingDays(today, semesterCollectionWorkingDays, calendar.rules),
      calendar,
      this.compression,
    );
    return plan.units.flatMap((collection) => {
      const unit = units.find((u) => u.code === collection.unitCode);
      if (!unit || collection.indicatorCodes.length === 0) return [];
      return [
        {
          taskId: uuidFromKey(`semester-collection:${regencyCode}:${reportYear}:${semester}:${unit.id}`),
          regencyCode,
          kind: 'ad_hoc' as const,
          title: `Laporan semester ${semester} tahun ${reportYear}: isian indikator ${unit.name}`,
          description: [
            `Isikan capaian indikator laporan semester ${semester} tahun ${reportYear} yang menjadi tanggung jawab unit Anda (${collection.indicatorCodes.length} indikator):`,
            collection.indicatorCodes.join(', '),
            `Isian melalui menu Indikator (PUT /api/v1/regencies/${regencyCode}/indicators/${reportYear}/${semester}).`,
          ].join('\n'),
          deliverables: [{ kind: 'data_table' as const, title: 'Isian indikator laporan semester' }],
          assigneeUnitId: unit.id,
          schedule,
          createdBy: null,
        },
      ];
    });
  }
}
