import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historiesDir } from './support/histories';

const bundlePath = join(__dirname, '..', 'apps', 'worker', 'dist', 'workflow-bundle.js');
const histories = readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

/**
 * Histories recorded from the end-to-end tests, replayed against the current workflow code and
 * the same prebuilt bundle the worker runs: a change that would break running workflows fails here.
 */
describe('recorded workflow histories replay against the current workflow code', () => {
  it('runs a workflow bundle without the holiday calendar, which workflows must not use', () => {
    const bundle = readFileSync(bundlePath, 'utf8');
    expect(bundle).not.toContain('node_modules/date-holidays');
    expect(bundle).not.toContain('node_modules/moment');
  });

  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('replays %s without a nondeterminism error', async (file) => {
    const history = JSON.parse(readFileSync(join(historiesDir, file), 'utf8')) as unknown;
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: bundlePath }, replayName: file }, history),
    ).resolves.toBeUndefined();
  });
});
