import { Worker, type ReplayResult, type ReplayWorkerOptions } from '@temporalio/worker';
import type { History } from './history-anchors';

export interface ReplayInput {
  workflowId: string;
  history: History;
}

/**
 * One replay worker for every replay this process asks for, fed one history at a time. A replay
 * worker per request kept about 2.7 MiB each (600 single-order replays took the distributor from
 * 259 to over 1 GiB before it stopped answering), so an auditor replaying orders one by one
 * could bring the distributor down. Requests take turns; a worker that fails is opened afresh.
 */
export class Replayer {
  private open?: { push: (input: ReplayInput) => void; end: () => void; results: AsyncIterator<ReplayResult> };
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: () => Promise<Omit<ReplayWorkerOptions, 'replayName'>>) {}

  /** Each history's result, in the order given. */
  replay(inputs: AsyncIterable<ReplayInput> | Iterable<ReplayInput>, onResult: (result: ReplayResult) => void): Promise<void> {
    const run = this.turn.then(() => this.run(inputs, onResult));
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async run(inputs: AsyncIterable<ReplayInput> | Iterable<ReplayInput>, onResult: (result: ReplayResult) => void): Promise<void> {
    for await (const input of inputs) {
      const worker = await this.worker();
      worker.push(input);
      let next: IteratorResult<ReplayResult>;
      try {
        next = await worker.results.next();
      } catch (error) {
        this.open = undefined;
        throw error;
      }
      if (next.done) {
        this.open = undefined;
        throw new Error('the replay worker stopped');
      }
      onResult(next.value);
    }
  }

  /** Lets the replay worker finish once the replay under way is done, so the process can exit. */
  async close(): Promise<void> {
    await this.turn;
    const open = this.open;
    this.open = undefined;
    if (!open) return;
    open.end();
    for (;;) {
      const next = await open.results.next().catch(() => ({ done: true as const, value: undefined }));
      if (next.done) return;
    }
  }

  private async worker(): Promise<NonNullable<Replayer['open']>> {
    if (this.open) return this.open;
    const waiting: ReplayInput[] = [];
    let ended = false;
    let wake: (() => void) | undefined;
    async function* feed(): AsyncGenerator<ReplayInput> {
      for (;;) {
        while (waiting.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
        if (waiting.length === 0) return;
        yield waiting.shift()!;
      }
    }
    const nudge = () => {
      wake?.();
      wake = undefined;
    };
    const results = Worker.runReplayHistories(await this.options(), feed())[Symbol.asyncIterator]();
    this.open = {
      push: (input) => {
        waiting.push(input);
        nudge();
      },
      end: () => {
        ended = true;
        nudge();
      },
      results,
    };
    return this.open;
  }
}
