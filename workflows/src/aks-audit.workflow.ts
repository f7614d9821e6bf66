import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type {
  AksActivities,
  AksAuditState,
  AksAuditWorkflowInput,
  AksStagePlan,
  CompleteAksStageInput,
} from '@konvergensi/contracts';
import { aksAuditStateQuery, completeAksStageUpdate } from '@konvergensi/contracts';
// The narrow entry point: the package root would pull the holiday calendar into the bundle.
import { missingAksOutputs } from '@konvergensi/domain/aks-stages';

const { openAksStage, fireAksStageNotice, completeAksStage, finishAksAudit } = proxyActivities<AksActivities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: while PostgreSQL is away the audit waits; it must not lose a stage.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

interface StageTimer {
  key: string;
  at: number;
  kind: 'reminder' | 'overdue' | 'monitoring_month';
  month?: number;
}

/** A stage's notices: a reminder, the overdue notice, and the start of each monitoring month. */
function timersOf(stage: AksStagePlan, openedAt: number): StageTimer[] {
  const timers: StageTimer[] = [
    { key: 'reminder', at: Date.parse(stage.reminderAt), kind: 'reminder' },
    { key: 'overdue', at: Date.parse(stage.dueAt), kind: 'overdue' },
  ];
  for (let month = 1; month <= (stage.monitoring?.months ?? 0); month++) {
    // Month n's results are collected once month n has run: its timer ends the month.
    timers.push({
      key: `month:${month}`,
      at: openedAt + month * (stage.monitoring?.monthMillis ?? 0),
      kind: 'monitoring_month',
      month,
    });
  }
  return timers.sort((a, b) => a.at - b.at);
}

function refusal(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}

/**
 * One Audit Kasus Stunting of one regency and semester (`aks:<regency>:<year>:<semester>`). It walks
 * the stages of the chosen template in order (data, not code): each stage opens, reminds its owner
 * before the due day and tells them when it is overdue; a monitoring stage opens one month after
 * another on durable timers. The `completeStage` Update closes the current stage; its validator
 * refuses while the stage's outputs are missing (the API sends the counts of what the records
 * hold), so a refusal writes nothing.
 */
export async function aksAuditWorkflow(input: AksAuditWorkflowInput): Promise<AksAuditState> {
  const stages = [...input.stages].sort((a, b) => a.order - b.order);
  const state: AksAuditState = {
    auditId: input.auditId,
    status: 'running',
    currentStage: null,
    completedStages: [],
    firedNotices: [],
    monitoringMonthsOpen: 0,
  };
  let current: AksStagePlan | undefined;
  let stageDone = false;
  const snapshot = (): AksAuditState => ({
    ...state,
    completedStages: [...state.completedStages],
    firedNotices: [...state.firedNotices],
  });

  setHandler(aksAuditStateQuery, snapshot);
  setHandler(
    completeAksStageUpdate,
    async ({ requestId, stageCode, actorUserId }) => {
      // Changed at once, so a concurrent Update is judged against the closed stage.
      stageDone = true;
      state.completedStages.push(stageCode);
      await completeAksStage({ auditId: input.auditId, stageCode, actorUserId, requestId });
      return snapshot();
    },
    {
      validator: ({ stageCode, evidence }: CompleteAksStageInput) => {
        if (state.status === 'completed' || !current) throw refusal('AKS_AUDIT_COMPLETED', 'Audit ini sudah selesai.');
        if (stageDone || current.code !== stageCode)
          throw refusal(
            'AKS_STAGE_NOT_CURRENT',
            `Tahap ${stageCode} bukan tahap yang sedang berjalan (tahap berjalan: ${current.code}).`,
          );
        const missing = missingAksOutputs(current.requirements, {
          ...evidence,
          monitoringMonthsOpen: state.monitoringMonthsOpen,
        });
        if (missing.length > 0)
          throw refusal(
            'AKS_STAGE_OUTPUT_MISSING',
            `Tahap "${current.title}" belum dapat diselesaikan. ${missing.join(' ')}`,
          );
      },
    },
  );

  for (const stage of stages) {
    current = stage;
    stageDone = false;
    state.currentStage = stage.code;
    state.firedNotices = [];
    state.monitoringMonthsOpen = 0;
    // The sandbox's Date.now() is the workflow task's deterministic time, replayed identically.
    // eslint-disable-next-line no-restricted-properties
    const openedAt = Date.now();
    await openAksStage({ auditId: input.auditId, stage, openedAt: new Date(openedAt).toISOString() });
    const timers = timersOf(stage, openedAt);
    while (!stageDone) {
      const next = timers.find((t) => !state.firedNotices.includes(t.key));
      if (!next) {
        await condition(() => stageDone);
        break;
      }
      // eslint-disable-next-line no-restricted-properties
      const wait = Math.max(0, next.at - Date.now());
      if (wait > 0 && (await condition(() => stageDone, wait))) break;
      if (stageDone) break;
      state.firedNotices.push(next.key);
      if (next.month !== undefined) state.monitoringMonthsOpen = next.month;
      await fireAksStageNotice({
        auditId: input.auditId,
        stageCode: stage.code,
        kind: next.kind,
        ...(next.month === undefined ? {} : { month: next.month }),
      });
    }
  }

  current = undefined;
  state.currentStage = null;
  state.status = 'completed';
  await condition(allHandlersFinished);
  await finishAksAudit({ auditId: input.auditId });
  return snapshot();
}
