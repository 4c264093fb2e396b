export type PartyRole = 'buyer' | 'distributor' | 'supplier' | 'carrier' | 'payment-gateway';

/** Suppliers and carriers answer from their own data, or leave the answer to a person. */
export type AnswerMode = 'automatic' | 'manual';
export const ANSWER_MODES: AnswerMode[] = ['automatic', 'manual'];

export interface PartyRef {
  role: PartyRole;
  id: string;
}

/** The platform runs one distributor; its id appears as sender or receiver of every message. */
export const DISTRIBUTOR: PartyRef = { role: 'distributor', id: 'tradelane' };
export const PAYMENT_GATEWAY: PartyRef = { role: 'payment-gateway', id: 'tradelane-pay' };

/**
 * Each party's worker polls its own task queue. A deployment may prefix them
 * (tests do, so that runs never pick up each other's tasks).
 */
export const TASK_QUEUE_SUFFIX: Record<PartyRole, string> = {
  buyer: 'buyer',
  distributor: 'distributor',
  supplier: 'supplier',
  carrier: 'carrier',
  'payment-gateway': 'payment-gateway',
};

export function taskQueueFor(role: PartyRole, prefix = ''): string {
  return `${prefix}${TASK_QUEUE_SUFFIX[role]}`;
}

export function orderWorkflowId(orderId: string): string {
  return `order:${orderId}`;
}
