import { Worker, bundleWorkflowCode, type ReplayResult } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { join } from 'node:path';
import { generations, readSavedHistory } from './history-files';

/**
 * The gate can fail: a workflow that changes what running orders did must not replay a saved
 * history, and the same change behind patched() must.
 */
describe('the replay gate', () => {
  const quiet = () => undefined;
  const logger = { trace: quiet, debug: quiet, info: quiet, log: quiet, warn: console.warn, error: console.error };
  const bundles: Record<'changed' | 'patched', string> = { changed: '', patched: '' };
  const release = generations().at(-1)!;

  beforeAll(async () => {
    for (const name of ['changed', 'patched'] as const) {
      ({ code: bundles[name] } = await bundleWorkflowCode({ workflowsPath: join(__dirname, 'fixtures', `${name}.workflow.ts`), logger }));
    }
  });

  const replay = async (workflowBundle: { code: string } | { codePath: string }, path: string): Promise<ReplayResult> => {
    for await (const result of Worker.runReplayHistories({ workflowBundle }, [readSavedHistory(release, path)])) return result;
    throw new Error('no replay result');
  };

  it.each(['automatic', 'people'])('replays the %s history with the current workflow code', async (path) => {
    expect((await replay({ codePath: process.env.WORKFLOW_BUNDLE_PATH! }, path)).error).toBeUndefined();
  });

  it.each(['automatic', 'people'])('fails the %s history when the workflow starts with a new timer', async (path) => {
    const { error } = await replay({ code: bundles.changed }, path);
    expect(error).toBeInstanceOf(DeterminismViolationError);
    // The history's first command is the sourcing plan's local-activity marker; it meets the new timer.
    expect(error!.message).toMatch(/Nondeterminism error: Missing associated machine for LocalActivity/);
  });

  it.each(['automatic', 'people'])('replays the %s history when the same timer is behind patched()', async (path) => {
    expect((await replay({ code: bundles.patched }, path)).error).toBeUndefined();
  });
});
