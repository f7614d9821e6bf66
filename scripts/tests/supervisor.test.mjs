// `npm start` keeps each process running: a crash is restarted after a backoff, a stop is final.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { restartDelayMs, supervise } from '../lib/supervisor.mjs';

test('the restart delay doubles from one second and stops growing at thirty', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7, 12].map((attempt) => restartDelayMs(attempt)),
    [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000],
  );
});

test('a process that crashes is started again, and one stopped on purpose is not', async () => {
  const lines = [];
  let starts = 0;
  let stopping = false;
  const kept = supervise({
    name: 'child',
    isStopping: () => stopping,
    log: (line) => lines.push(line),
    // The first start crashes at once (exit 3); the second stays up until it is stopped.
    start: () => {
      starts += 1;
      const code = starts === 1 ? 'process.exit(3)' : 'setInterval(() => {}, 1000)';
      return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
    },
  });
  const first = await kept.launch();
  await new Promise((done) => first.once('exit', done));
  const deadline = Date.now() + 10_000;
  while (starts < 2 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  assert.equal(starts, 2);
  assert.match(lines[0], /child exited \(code 3\) while the stack was running; restarting it in 1 s/);
  const second = kept.pid;
  assert.notEqual(second, first.pid);

  stopping = true;
  await kept.stop();
  await new Promise((done) => setTimeout(done, 1200));
  assert.equal(starts, 2);
  assert.equal(lines.length, 1);
});
