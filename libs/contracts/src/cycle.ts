import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { TaskStatus, TaskWorkflowInput } from './task';

/** Names and shapes of the yearly cycle of the eight actions: ids and instants, nothing personal. */
export const annualCycleWorkflowType = 'annualCycleWorkflow';
export const actionWorkflowType = 'actionWorkflow';

export function annualCycleWorkflowId(regencyCode: string, year: number): string {
  return `cycle:${regencyCode}:${year}`;
}
export function actionWorkflowId(regencyCode: string, year: number, actionCode: string): string {
  return `cycle:${regencyCode}:${year}:${actionCode}`;
}

/** One stage as the workflows run it: its dependencies and when each round may open. */
export interface StageRun {
  stageId: string;
  code: string;
  /** Stage or action codes (of any action of the cycle) that must be complete first. */
  requires: string[];
  /**
   * ISO instants from which each round may open: one for an ordinary stage (the stage's own
   * window start, or the action's), one per month for a monthly stage.
   */
  rounds: string[];
}

export interface ActionRun {
  actionId: string;
  code: string;
  /** ISO instant at which the action's window opens (compressed in tests and demos). */
  opensAt: string;
  /** Action or stage codes that must be complete before the action starts. */
  requires: string[];
  stages: StageRun[];
}

export interface AnnualCycleInput {
  cycleId: string;
  regencyCode: string;
  year: number;
  actions: ActionRun[];
}

export interface ActionWorkflowInput {
  cycleId: string;
  regencyCode: string;
  year: number;
  action: ActionRun;
  /** Stage and action codes already complete when the action starts. */
  completed: string[];
}

/** A task of a stage has closed: approved, cancelled, or handed to another unit. */
export interface TaskClosedNotice {
  taskId: string;
  status: TaskStatus;
  /** The task that carries the work on after a reassignment. */
  replacedByTaskId: string | null;
}
export const taskClosedSignal = defineSignal<[TaskClosedNotice]>('taskClosed');

/** A child action tells the cycle that a stage (or the whole action) is complete. */
export const codesCompletedSignal = defineSignal<[{ codes: string[] }]>('codesCompleted');

export interface CycleProgress {
  completed: string[];
  runningActions: string[];
  waitingActions: string[];
}
export const cycleProgressQuery = defineQuery<CycleProgress>('progress');

export interface ActionProgress {
  currentStage: string | null;
  openTaskIds: string[];
  /** The codes the current stage still waits for (dependencies on other actions' stages). */
  waitingFor: string[];
  completed: string[];
}
export const actionProgressQuery = defineQuery<ActionProgress>('progress');

/** The activities of the cycle workflows; every one is idempotent (keyed writes). */
export interface CycleActivities {
  /** Marks the cycle running. */
  cycleStarted(input: { cycleId: string }): Promise<void>;
  cycleFinished(input: { cycleId: string }): Promise<void>;
  actionStarted(input: { actionId: string }): Promise<void>;
  actionFinished(input: { actionId: string }): Promise<void>;
  /**
   * Opens one round of a stage: records it open (late when its window has passed) and returns the
   * tasks to start, one per owning or participating unit, with deterministic ids so a retry gives
   * the same tasks.
   */
  openStageRound(input: { cycleId: string; stageId: string; round: number }): Promise<TaskWorkflowInput[]>;
  /** Closes a stage once every task of its last round is closed; runs what the stage produces. */
  closeStage(input: { cycleId: string; stageId: string }): Promise<void>;
}
