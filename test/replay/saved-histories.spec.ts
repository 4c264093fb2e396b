import { Worker } from '@temporalio/worker';
import { REQUIRED_PATHS, generations, readSavedHistory, savedHistoryNames } from './history-files';

/**
 * The replay gate: every release's saved histories must replay against the workflow code of this
 * commit. A failure here means the change would break orders already running; see
 * docs/versioning.md.
 */
describe('saved order histories replay against the current workflow code', () => {
  const releases = generations();

  it('has a generation of histories for at least one release', () => {
    expect(releases.length).toBeGreaterThan(0);
  });

  describe.each(releases)('release %s', (release) => {
    const names = savedHistoryNames(release);

    it('covers every path of the flow', () => {
      expect(REQUIRED_PATHS.filter((path) => !names.includes(path))).toEqual([]);
    });

    it('replays every saved history without a divergence', async () => {
      const verdicts: Record<string, string> = {};
      const replays = Worker.runReplayHistories(
        { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! } },
        names.map((name) => readSavedHistory(release, name)),
      );
      for await (const result of replays) {
        verdicts[result.workflowId.slice(release.length + 1)] = result.error ? `${result.error.name}: ${result.error.message}` : 'ok';
      }
      expect(verdicts).toEqual(Object.fromEntries(names.map((name) => [name, 'ok'])));
    });
  });
});
