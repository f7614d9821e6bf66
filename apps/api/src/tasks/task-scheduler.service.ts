import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { TaskSchedule } from '@konvergensi/contracts';
import {
  isWorkingDay,
  localDateOf,
  regencyCalendar,
  taskScheduleFor,
  type RegencyCalendar,
  type TimeCompression,
} from '@konvergensi/domain';
import { loadRegencyCalendarSettings, type RegionRecord } from '@konvergensi/persistence';
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
  /** The API's clock for ad-hoc tasks; a cycle or an audit carries its own. */
  readonly compression: TimeCompression | undefined;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.compression = config.TIME_COMPRESSION_SECONDS_PER_DAY
      ? { origin: new Date(), secondsPerDay: config.TIME_COMPRESSION_SECONDS_PER_DAY }
      : undefined;
  }

  async calendar(regencyCode: string): Promise<RegencyCalendar> {
    return regencyCalendar(await loadRegencyCalendarSettings(this.dataSource, regencyCode));
  }

  /** Validates a due day typed by a person and computes its schedule. */
  async scheduleFor(regency: RegionRecord, dueDate: string, now = new Date()): Promise<TaskSchedule> {
    const calendar = await this.calendar(regency.code);
    if (dueDate < localDateOf(now, calendar.zone)) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'DUE_DATE_IN_PAST', `Batas waktu ${dueDate} sudah lewat.`);
    }
    if (!isWorkingDay(dueDate, calendar.rules)) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'DUE_DATE_NOT_WORKING_DAY',
        `Batas waktu ${dueDate} jatuh pada akhir pekan atau hari libur; pilih hari kerja.`,
      );
    }
    return taskScheduleFor(dueDate, calendar, this.compression);
  }
}
