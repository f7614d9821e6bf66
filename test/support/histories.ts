import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testEnvironment } from './environment';

export const historiesDir = join(__dirname, '..', 'fixtures', 'histories');

/**
 * With RECORD_HISTORIES=1, saves the event histories of finished workflows as replay fixtures
 * (`test/fixtures/histories/<name>.json`), which `replay.e2e.spec.ts` replays against the current
 * workflow code on every `npm test`. Record again only on purpose, when a change is meant to be
 * incompatible (and then use a new workflow type or `patched()`).
 */
export async function recordHistories(
  workflows: Record<string, string>,
  temporalAddress = testEnvironment().temporalAddress,
): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  // The Temporal CLI prints the history as proto3 JSON, the format replay accepts.
  const { temporalBinary } = testEnvironment();
  for (const [name, workflowId] of Object.entries(workflows)) {
    const shown = spawnSync(
      temporalBinary,
      ['workflow', 'show', '--workflow-id', workflowId, '--address', temporalAddress, '--output', 'json'],
      {
        encoding: 'utf8',
      },
    );
    if (shown.status !== 0) throw new Error(`recording ${workflowId} failed: ${shown.stderr}`);
    writeFileSync(join(historiesDir, `${name}.json`), shown.stdout);
  }
}
