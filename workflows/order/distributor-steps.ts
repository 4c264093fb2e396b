import { ActivityCancellationType, CancellationScope, condition, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { DistributorActivities } from '../../libs/contracts/src';

const retry = { initialInterval: '500 milliseconds', maximumInterval: '10 seconds' } as const;

/** The distributor's steps as the order calls them: some local, some normal activities. */
export type DistributorSteps = DistributorActivities;

export interface OwnSteps {
  steps: DistributorSteps;
  /**
   * Runs `write` once the local steps started before it are done, so that what it sends is read
   * when it starts rather than when it was asked for.
   */
  inTurn<T>(write: (steps: DistributorSteps) => Promise<T>): Promise<T>;
  /**
   * Resolves once no local step is waiting or running and the code they resumed has run, so that
   * a write started then takes everything this workflow task recorded.
   */
  settled(): Promise<void>;
  /** The local steps themselves, outside the turn: for writes whose result no step waits on. */
  local: DistributorSteps;
}

/**
 * The distributor's own steps. Those that only read or write the distributor's database and are
 * safe to repeat (the order log, sourcing, carriers, terms) run as local activities in this
 * worker: each costs the server one marker instead of an activity task and a workflow task of
 * its own. Placing a back order and handing a stuck undo to an operator stay normal activities.
 *
 * The local ones run one at a time. When two local activities of one order were in flight
 * together, their results came back in the order they finished, but a replay hands them back in
 * the order they were started, so the code behind them can issue its commands in another order
 * (sdk-python#1578 is the same bug); with one in flight there is only one order. They are not
 * cancelled half-way: each takes milliseconds, and the next cancellable step sees the cancel.
 */
export function ownSteps(): OwnSteps {
  const normal = proxyActivities<DistributorSteps>({
    // The workflow waits for a cancelled activity to finish, so nothing lands after its undo.
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    startToCloseTimeout: '10 seconds',
    retry,
  });
  const quick = proxyLocalActivities<DistributorSteps>({ startToCloseTimeout: '10 seconds', retry });
  let previous: Promise<unknown> = Promise.resolve();
  function inTurn<T>(write: (steps: DistributorSteps) => Promise<T>): Promise<T> {
    const run = previous.then(() => CancellationScope.nonCancellable(() => write(quick)));
    previous = run.catch(() => undefined);
    return run;
  }
  async function settled(): Promise<void> {
    for (;;) {
      const last = previous;
      await last;
      // Holds at once, but is looked at only after the code resumed so far has run.
      await CancellationScope.nonCancellable(() => condition(() => true));
      if (previous === last) return;
    }
  }
  function oneAtATime<A extends unknown[], R>(pick: (s: DistributorSteps) => (...args: A) => Promise<R>) {
    return (...args: A): Promise<R> => inTurn((s) => pick(s)(...args));
  }
  return {
    inTurn,
    settled,
    local: quick,
    steps: {
      recordMessages: oneAtATime((s) => s.recordMessages),
      planSourcing: oneAtATime((s) => s.planSourcing),
      chooseCarriers: oneAtATime((s) => s.chooseCarriers),
      partyTerms: oneAtATime((s) => s.partyTerms),
      placeBackOrder: normal.placeBackOrder,
      reportStuckCompensation: normal.reportStuckCompensation,
      clearStuckCompensation: normal.clearStuckCompensation,
    },
  };
}
