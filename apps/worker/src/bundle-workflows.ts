import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { defaultBundlePath } from './temporal-worker.runner';

/**
 * Prebuilds the workflow bundle at build time, so a worker starts in a second instead of running
 * webpack, and a workflow that cannot be bundled fails the build (exit code 1), not production.
 */
async function bundle(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('@konvergensi/workflows'),
    logger: {
      info: () => undefined,
      debug: () => undefined,
      trace: () => undefined,
      warn: console.warn,
      error: console.error,
      log: () => undefined,
    },
  });
  await writeFile(defaultBundlePath, code);
  process.stdout.write(`workflow bundle written to ${defaultBundlePath} (${code.length} bytes)\n`);
}

bundle().catch((error: unknown) => {
  process.stderr.write(`workflow bundling failed: ${String(error)}\n`);
  process.exit(1);
});
