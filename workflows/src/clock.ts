import { sleep } from '@temporalio/workflow';

/** Sleeps until an absolute instant (ISO); returns at once when it has passed. */
export async function sleepUntil(instant: string): Promise<void> {
  // The sandbox's Date.now() is the workflow task's deterministic time, replayed identically.
  // eslint-disable-next-line no-restricted-properties
  const wait = Date.parse(instant) - Date.now();
  if (wait > 0) await sleep(wait);
}
