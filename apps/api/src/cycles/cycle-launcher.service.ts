import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import { annualCycleWorkflowId, annualCycleWorkflowType, type AnnualCycleInput } from '@konvergensi/contracts';
import {
  compressionSnapshot,
  cycleTimeline,
  nationalTemplate,
  planCycle,
  startInstant,
  type IndonesianTimeZone,
  type TimeCompression,
} from '@konvergensi/domain';
import type { Logger } from '@konvergensi/logging';
import { CycleRecord, UnitRecord, insertCycle, type RegionRecord } from '@konvergensi/persistence';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { ApiError, workflowUnavailable } from '../common/api-error';
import { isUniqueViolation } from '../common/database-errors';
import { TaskScheduler } from '../tasks/task-scheduler.service';
import { APP_CONFIG, DATA_SOURCE, LOGGER, TEMPORAL_CLIENT } from '../tokens';

/**
 * Starts a regency's year: resolves the template for it (roles to units, windows to dates), keeps
 * that snapshot with the records of the eight actions and their stages, and starts the
 * `annualCycleWorkflow` that runs them. A year started late opens its past stages at once.
 */
@Injectable()
export class CycleLauncher {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly scheduler: TaskScheduler,
  ) {}

  /**
   * The clock of a new cycle: real time in production; in tests and demos the API's compressed
   * clock, or (with `playFrom`) a clock on which the given day starts now.
   */
  clockFor(zone: IndonesianTimeZone, playFrom: string | undefined): TimeCompression | undefined {
    if (playFrom === undefined) return this.scheduler.compression;
    const secondsPerDay = this.config.TIME_COMPRESSION_SECONDS_PER_DAY;
    if (!secondsPerDay)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'PLAY_FROM_NOT_AVAILABLE',
        'Pemutaran tahun dipercepat hanya tersedia pada mode uji/demo (TIME_COMPRESSION_SECONDS_PER_DAY).',
      );
    return { origin: new Date(), secondsPerDay, virtualOrigin: startInstant(playFrom, zone) };
  }

  async launch(regency: RegionRecord, year: number, createdBy: string | null, playFrom?: string) {
    const zone = (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone;
    const clock = this.clockFor(zone, playFrom);
    const units = await this.dataSource
      .getRepository(UnitRecord)
      .find({ where: { regencyCode: regency.code, active: true }, order: { code: 'ASC' } });
    const plan = planCycle(nationalTemplate, {
      regencyCode: regency.code,
      year,
      timeZone: zone,
      unitsForRole: (role) => units.filter((u) => u.roleCodes.includes(role)).map((u) => u.code),
    });
    const workflowId = annualCycleWorkflowId(regency.code, year);
    const exists = () =>
      new ApiError(HttpStatus.CONFLICT, 'CYCLE_EXISTS', `Siklus tahun ${year} untuk kabupaten/kota ini sudah ada.`);
    if (await this.dataSource.getRepository(CycleRecord).existsBy({ regencyCode: regency.code, year })) throw exists();
    let input: AnnualCycleInput;
    try {
      input = await this.dataSource.transaction(async (manager) => {
        const stored = await insertCycle(manager, {
          regencyCode: regency.code,
          year,
          plan,
          clock: compressionSnapshot(clock),
          workflowId,
          createdBy,
        });
        const idOf = (map: Map<string, string>) => (code: string) => {
          const id = map.get(code);
          if (!id) throw new Error(`no record for ${code}`);
          return id;
        };
        return {
          cycleId: stored.cycle.id,
          regencyCode: regency.code,
          year,
          actions: cycleTimeline(
            plan,
            { actionId: idOf(stored.actionIds), stageId: idOf(stored.stageIds) },
            zone,
            clock,
          ),
        };
      });
    } catch (error) {
      // Two secretaries clicking at once: the unique (regency, year) constraint decides.
      if (isUniqueViolation(error)) throw exists();
      throw error;
    }
    try {
      await this.temporal.workflow.start(annualCycleWorkflowType, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [input],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.error({ err: error, regency: regency.code, year }, 'starting the cycle workflow failed');
      // Nothing half-written: without its workflow the cycle's records go again.
      await this.dataSource.getRepository(CycleRecord).delete({ id: input.cycleId });
      throw workflowUnavailable();
    }
  }
}
