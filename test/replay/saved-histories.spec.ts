import { Worker } from '@temporalio/worker';
import { REQUIRED_PATHS, readSavedHistory, savedHistoryNames } from './history-files';

/**
 * The replay gate: every saved history must replay against the workflow code of this commit.
 * A failure here means the change would break orders already running; see README, "Replay gate".
 */
describe('saved order histories replay against the current workflow code', () => {
  const names = savedHistoryNames();

  it('covers every path of the flow', () => {
    expect(REQUIRED_PATHS.filter((path) => !names.includes(path))).toEqual([]);
  });

  it('replays every saved history without a divergence', async () => {
    const verdicts: Record<string, string> = {};
    const replays = Worker.runReplayHistories(
      { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! } },
      names.map(readSavedHistory),
    );
    for await (const result of replays) {
      verdicts[result.workflowId.replace(/^saved:/, '')] = result.error ? `${result.error.name}: ${result.error.message}` : 'ok';
    }
    expect(verdicts).toEqual(Object.fromEntries(names.map((name) => [name, 'ok'])));
  });
});
