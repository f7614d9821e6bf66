import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import {
  aksIdentityRetentionWorkflowType,
  regencyScheduleId,
  scheduleKinds,
  semesterCollectionWorkflowType,
  yearStartWorkflowType,
  type ScheduleKind,
} from '@konvergensi/contracts';
import type { RegionRecord } from '@konvergensi/persistence';
import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
} from '@temporalio/client';
import { ApiError, workflowUnavailable } from '../common/api-error';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';

/** What each rhythm does and when, in the regency's own time zone. */
function scheduleOptions(kind: ScheduleKind, regency: RegionRecord, id: string, taskQueue: string): ScheduleOptions {
  const timezone = regency.timeZone ?? 'Asia/Jakarta';
  const args = [{ regencyCode: regency.code }];
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' };
  if (kind === 'year-start') {
    return {
      scheduleId: id,
      spec: { calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour: 0, minute: 5, comment: 'awal tahun' }], timezone },
      action: { type: 'startWorkflow', workflowType: yearStartWorkflowType, args, taskQueue },
      policies,
      state: { note: 'Siklus delapan aksi dimulai otomatis setiap 1 Januari.' },
    };
  }
  if (kind === 'aks-identity-retention') {
    // Nightly, when no one works: an identity is gone at most a day after its period ran out.
    return {
      scheduleId: id,
      spec: { calendars: [{ hour: 2, minute: 15, comment: 'retensi identitas AKS' }], timezone },
      action: { type: 'startWorkflow', workflowType: aksIdentityRetentionWorkflowType, args, taskQueue },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state: {
        note: 'Identitas kasus AKS dihapus otomatis setiap malam setelah masa retensinya sejak laporan audit dikirim.',
      },
    };
  }
  // 000's agenda: semester 1 data in July, semester 2 in December.
  return {
    scheduleId: id,
    spec: {
      calendars: [
        { month: ['JULY', 'DECEMBER'], dayOfMonth: 1, hour: 8, minute: 0, comment: 'pengumpulan data semester' },
      ],
      timezone,
    },
    action: { type: 'startWorkflow', workflowType: semesterCollectionWorkflowType, args, taskQueue },
    policies,
    state: { note: 'Tugas pengisian indikator laporan semester dibuka setiap 1 Juli dan 1 Desember.' },
  };
}

/**
 * A regency's Temporal Schedules (year start; semester data collection; the nightly AKS identity
 * retention). They are created on
 * first use, so a new regency needs no set-up step; an admin pauses and resumes them.
 */
@Injectable()
export class RegencySchedules {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private id(kind: ScheduleKind, regency: RegionRecord): string {
    return regencyScheduleId(this.config.TEMPORAL_TASK_QUEUE, kind, regency.code);
  }

  async ensure(regency: RegionRecord): Promise<void> {
    for (const kind of scheduleKinds) {
      try {
        await this.temporal.schedule.create(
          scheduleOptions(kind, regency, this.id(kind, regency), this.config.TEMPORAL_TASK_QUEUE),
        );
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      }
    }
  }

  async list(regency: RegionRecord) {
    try {
      await this.ensure(regency);
      return await Promise.all(scheduleKinds.map((kind) => this.describe(kind, regency)));
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw workflowUnavailable();
    }
  }

  async pause(regency: RegionRecord, kind: ScheduleKind, note: string) {
    return this.change(regency, kind, (handle) => handle.pause(note));
  }

  async resume(regency: RegionRecord, kind: ScheduleKind, note: string) {
    return this.change(regency, kind, (handle) => handle.unpause(note));
  }

  /** Runs the schedule's action once now (e.g. a regency joining mid-year). */
  async trigger(regency: RegionRecord, kind: ScheduleKind) {
    return this.change(regency, kind, (handle) => handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL));
  }

  private async change(
    regency: RegionRecord,
    kind: ScheduleKind,
    act: (handle: ReturnType<Client['schedule']['getHandle']>) => Promise<void>,
  ) {
    try {
      await this.ensure(regency);
      await act(this.temporal.schedule.getHandle(this.id(kind, regency)));
      return await this.describe(kind, regency);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof ScheduleNotFoundError)
        throw new ApiError(HttpStatus.NOT_FOUND, 'SCHEDULE_NOT_FOUND', 'Jadwal tidak ditemukan.');
      throw workflowUnavailable();
    }
  }

  private async describe(kind: ScheduleKind, regency: RegionRecord) {
    const description = await this.temporal.schedule.getHandle(this.id(kind, regency)).describe();
    return {
      kind,
      scheduleId: description.scheduleId,
      paused: description.state.paused,
      note: description.state.note ?? null,
      timeZone: description.spec.timezone ?? regency.timeZone ?? 'Asia/Jakarta',
      nextRuns: description.info.nextActionTimes.slice(0, 3).map((t) => t.toISOString()),
      recentRuns: description.info.recentActions.slice(-5).map((a) => ({
        scheduledAt: a.scheduledAt.toISOString(),
        workflowId: a.action.workflow.workflowId,
      })),
    };
  }
}
