import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { faultError, type FaultInjector } from './fault-injector';

/** Faults at an activity's entry, named `activity:<activity type>`; an error is a retryable failure of the attempt. */
export function activityFaults(injector: FaultInjector): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      execute: async (input, next) => {
        const point = `activity:${ctx.info.activityType}`;
        const outcome = await injector.at(point);
        if (outcome.kind !== 'pass') throw faultError(point, outcome);
        return next(input);
      },
    },
  });
}
