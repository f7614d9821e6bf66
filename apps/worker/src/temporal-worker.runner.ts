import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type {
  AksActivities,
  AksRetentionActivities,
  CycleActivities,
  PipeCheckActivities,
  SemesterCollectionActivities,
  TaskActivities,
} from '@konvergensi/contracts';
import type { Logger } from '@konvergensi/logging';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { PipeCheckActivitiesProvider } from './activities/pipe-check.activities';
import { AksActivitiesProvider } from './aks/aks.activities';
import { AksRetentionActivitiesProvider } from './aks/aks-retention.activities';
import { CycleActivitiesProvider } from './cycles/cycle.activities';
import { ScheduleActivitiesProvider } from './cycles/schedule.activities';
import { TaskActivitiesProvider } from './tasks/task.activities';
import { activitiesOf, registerActivities } from './activity-registry';
import { APP_CONFIG, LOGGER } from './tokens';

/** Where `npm run build` leaves the prebuilt workflow bundle (see bundle-workflows.ts). */
export const defaultBundlePath = `${__dirname}/workflow-bundle.js`;

/**
 * Owns the Temporal worker's life: created when the container is ready, shut down (draining
 * in-flight activities) before the container closes. `finished` settles when `run()` ends.
 */
@Injectable()
export class TemporalWorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly pipeCheck: PipeCheckActivitiesProvider,
    private readonly tasks: TaskActivitiesProvider,
    private readonly cycles: CycleActivitiesProvider,
    private readonly schedules: ScheduleActivitiesProvider,
    private readonly aks: AksActivitiesProvider,
    private readonly aksRetention: AksRetentionActivitiesProvider,
  ) {}

  get finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    const bundlePath = this.config.WORKFLOW_BUNDLE_PATH ?? defaultBundlePath;
    const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = existsSync(bundlePath)
      ? { workflowBundle: { codePath: bundlePath } }
      : { workflowsPath: require.resolve('@konvergensi/workflows') };
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      ...workflows,
      activities: registerActivities(
        activitiesOf<PipeCheckActivities>(this.pipeCheck, {
          recordPipeCheck: true,
          sendPipeCheckMail: true,
          completePipeCheck: true,
        }),
        activitiesOf<TaskActivities>(this.tasks, { openTask: true, recordTaskTransition: true, fireLadderStep: true }),
        activitiesOf<CycleActivities>(this.cycles, {
          cycleStarted: true,
          cycleFinished: true,
          actionStarted: true,
          actionFinished: true,
          openStageRound: true,
          closeStage: true,
        }),
        activitiesOf<SemesterCollectionActivities>(this.schedules, {
          prepareYearCycle: true,
          planSemesterCollection: true,
        }),
        activitiesOf<AksActivities>(this.aks, {
          openAksStage: true,
          fireAksStageNotice: true,
          completeAksStage: true,
          finishAksAudit: true,
        }),
        activitiesOf<AksRetentionActivities>(this.aksRetention, { eraseExpiredAksIdentities: true }),
      ),
    });
    this.logger.info(
      { taskQueue: this.config.TEMPORAL_TASK_QUEUE, bundle: 'workflowBundle' in workflows },
      'Temporal worker started',
    );
    this.running = this.worker.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
