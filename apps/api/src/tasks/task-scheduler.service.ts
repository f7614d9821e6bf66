import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { TaskSchedule } from '@konvergensi/contracts';
import {
  compressInstant,
  defaultEscalationLadder,
  dueInstant,
  escalationLadderSchema,
  escalationSteps,
  indonesianWorkingDayRules,
  isWorkingDay,
  localDateOf,
  type IndonesianTimeZone,
  type TimeCompression,
  type WorkingDayRules,
} from '@konvergensi/domain';
import { EscalationSettingRecord, HolidayOverrideRecord, type RegionRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, DATA_SOURCE } from '../tokens';

/**
 * Turns a due day into the task's absolute instants: the due instant (23:59:59 local) and every
 * rung of the regency's escalation ladder in its working-day calendar. Workflows only ever see
 * these instants. With TIME_COMPRESSION_SECONDS_PER_DAY (tests, demos) time is compressed around
 * the moment this API process started, the same for every task, so a moved deadline stays
 * consistent with the ladder it replaces.
 */
@Injectable()
export class TaskScheduler {
  private readonly compression: TimeCompression | undefined;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.compression = config.TIME_COMPRESSION_SECONDS_PER_DAY
      ? { origin: new Date(), secondsPerDay: config.TIME_COMPRESSION_SECONDS_PER_DAY }
      : undefined;
  }

  async rules(regencyCode: string): Promise<WorkingDayRules> {
    const overrides = await this.dataSource.getRepository(HolidayOverrideRecord).findBy({ regencyCode });
    return indonesianWorkingDayRules({
      overrides: overrides.map((o) => ({
        date: o.date,
        action: o.kind === 'holiday' ? 'add' : 'remove',
        name: o.name,
        decree: 'pengaturan kabupaten/kota',
      })),
    });
  }

  /** Validates a due day typed by a person and computes its schedule. */
  async scheduleFor(regency: RegionRecord, dueDate: string, now = new Date()): Promise<TaskSchedule> {
    const zone = (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone;
    const rules = await this.rules(regency.code);
    if (dueDate < localDateOf(now, zone)) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'DUE_DATE_IN_PAST', `Batas waktu ${dueDate} sudah lewat.`);
    }
    if (!isWorkingDay(dueDate, rules)) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'DUE_DATE_NOT_WORKING_DAY',
        `Batas waktu ${dueDate} jatuh pada akhir pekan atau hari libur; pilih hari kerja.`,
      );
    }
    const setting = await this.dataSource
      .getRepository(EscalationSettingRecord)
      .findOneBy({ regencyCode: regency.code });
    const parsed = setting ? escalationLadderSchema.safeParse(setting.ladder) : undefined;
    const ladder = parsed?.success ? parsed.data : defaultEscalationLadder;
    const compress = (instant: Date) => compressInstant(instant, this.compression).toISOString();
    return {
      dueDate,
      dueAt: compress(dueInstant(dueDate, zone)),
      steps: escalationSteps(dueDate, ladder, rules, zone).map((step) => ({
        kind: step.kind,
        level: step.level,
        ordinal: step.ordinal,
        at: compress(step.at),
      })),
    };
  }
}
