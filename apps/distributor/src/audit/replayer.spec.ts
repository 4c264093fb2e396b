import { Worker, type ReplayResult } from '@temporalio/worker';
import type { History } from './history-anchors';
import { Replayer, type ReplayInput } from './replayer';

const input = (workflowId: string): ReplayInput => ({ workflowId, history: {} as History });

describe('Replayer', () => {
  let opened = 0;
  beforeEach(() => {
    opened = 0;
    jest.spyOn(Worker, 'runReplayHistories').mockImplementation((_options, histories) => {
      opened++;
      return (async function* () {
        for await (const h of histories as AsyncIterable<ReplayInput>) {
          yield { workflowId: h.workflowId, runId: `run-of-${h.workflowId}`, error: h.workflowId === 'bad' ? new Error('diverged') : undefined } as ReplayResult;
        }
      })();
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('replays request after request on one worker, each result to its request, in order', async () => {
    const replayer = new Replayer(() => Promise.resolve({ workflowBundle: { code: '' } }));
    const first: string[] = [];
    const second: string[] = [];
    await Promise.all([
      replayer.replay([input('a'), input('bad')], (r) => first.push(`${r.workflowId}:${r.error ? 'diverged' : 'ok'}`)),
      replayer.replay([input('c')], (r) => second.push(r.workflowId)),
    ]);
    await replayer.replay([input('d')], (r) => second.push(r.workflowId));
    expect(first).toEqual(['a:ok', 'bad:diverged']);
    expect(second).toEqual(['c', 'd']);
    expect(opened).toBe(1);
    await replayer.close();
  });

  it('lets its worker finish on close, and opens a new one when asked again', async () => {
    const replayer = new Replayer(() => Promise.resolve({ workflowBundle: { code: '' } }));
    await replayer.replay([input('a')], () => undefined);
    await replayer.close();
    await replayer.replay([input('b')], () => undefined);
    expect(opened).toBe(2);
    await replayer.close();
  });

  it('opens a new worker after one that failed', async () => {
    jest.spyOn(Worker, 'runReplayHistories').mockImplementationOnce(() => {
      opened++;
      return (async function* () {
        yield* [];
        throw new Error('worker broke');
      })();
    });
    const replayer = new Replayer(() => Promise.resolve({ workflowBundle: { code: '' } }));
    await expect(replayer.replay([input('a')], () => undefined)).rejects.toThrow('worker broke');
    const seen: string[] = [];
    await replayer.replay([input('b')], (r) => seen.push(r.workflowId));
    expect(seen).toEqual(['b']);
    await replayer.close();
  });
});
