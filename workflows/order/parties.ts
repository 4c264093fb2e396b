import { ActivityCancellationType, proxyActivities, workflowInfo, type ActivityInterfaceFor } from '@temporalio/workflow';
import type { BuyerActivities, CarrierActivities, PartyRole, PaymentGatewayActivities, SupplierActivities } from '../../libs/contracts/src';
import { FAILURE, taskQueueFor } from '../../libs/contracts/src';

// The workflow waits for a cancelled activity to finish, so nothing it does can land after the
// compensation that undoes it.
const waitForCancel = { cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED } as const;

const forwardOptions = {
  ...waitForCancel,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const;

/** Compensations retry for about an hour; what still fails then goes to an operator. */
const undoOptions = {
  ...waitForCancel,
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 15,
    nonRetryableErrorTypes: [FAILURE.compensationImpossible] as string[],
  },
} as const;

/** One party's activities on its own task queue: the steps forward, and the undos. */
export interface PartyProxies<T> {
  forward: ActivityInterfaceFor<T>;
  undo: ActivityInterfaceFor<T>;
}

export interface Parties {
  supplier: PartyProxies<SupplierActivities>;
  carrier: PartyProxies<CarrierActivities>;
  buyer: PartyProxies<BuyerActivities>;
  gateway: PartyProxies<PaymentGatewayActivities>;
}

function proxiesOf<T>(role: PartyRole, prefix: string): PartyProxies<T> {
  const taskQueue = taskQueueFor(role, prefix);
  return {
    forward: proxyActivities<T>({ ...forwardOptions, taskQueue }),
    undo: proxyActivities<T>({ ...undoOptions, taskQueue }),
  };
}

/**
 * The other parties' activities. Made when the order starts rather than at module level: their
 * task queues share one prefix per deployment, which only the distributor's own queue tells.
 */
export function partyActivities(): Parties {
  const own = workflowInfo().taskQueue;
  const suffix = taskQueueFor('distributor');
  const prefix = own.endsWith(suffix) ? own.slice(0, own.length - suffix.length) : '';
  return {
    supplier: proxiesOf<SupplierActivities>('supplier', prefix),
    carrier: proxiesOf<CarrierActivities>('carrier', prefix),
    buyer: proxiesOf<BuyerActivities>('buyer', prefix),
    gateway: proxiesOf<PaymentGatewayActivities>('payment-gateway', prefix),
  };
}
