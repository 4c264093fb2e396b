import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { faultError, type FaultInjector } from './fault-injector';

/**
 * Faults at an activity's entry (`activity:<activity type>`) and after its work, before its result
 * reaches Temporal (`activity-exit:<activity type>`); an error is a retryable failure of the attempt.
 */
export function activityFaults(injector: FaultInjector): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      execute: async (input, next) => {
        const point = `activity:${ctx.info.activityType}`;
        const before = await injector.at(point);
        if (before.kind !== 'pass') throw faultError(point, before);
        const result = await next(input);
        const after = await injector.at(`activity-exit:${ctx.info.activityType}`);
        if (after.kind !== 'pass') throw faultError(`activity-exit:${ctx.info.activityType}`, after);
        return result;
      },
    },
  });
}
