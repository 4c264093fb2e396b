import type { Money, OrderView, WaitingFor } from '../api/types';

export interface OrderActions {
  cancel: boolean;
  decide: { question: string; deadline: string } | null;
  pay: { amountDue: Money; deadline: string } | null;
}

const OPEN = new Set(['sourcing', 'quoting', 'awaiting-transport-and-payment']);

/**
 * What the buyer may do with the order now. Cancel until the goods are released for dispatch
 * (a booking accepted means the dispatch notice is out); decide when the order waits for the
 * buyer's decision; pay when the amount due is known and the payment is awaited.
 */
export function orderActions(view: Pick<OrderView, 'status' | 'waitingFor' | 'bookings'>): OrderActions {
  const open = OPEN.has(view.status);
  const waiting = <K extends WaitingFor['kind']>(kind: K) =>
    view.waitingFor.find((w): w is Extract<WaitingFor, { kind: K }> => w.kind === kind);
  const decision = waiting('buyer-decision');
  const payment = waiting('payment');
  const released = view.bookings.some((booking) => booking.status === 'accepted');
  return {
    cancel: open && !released,
    decide: open && decision ? { question: decision.question, deadline: decision.deadline } : null,
    pay: open && payment ? { amountDue: payment.amountDue, deadline: payment.deadline } : null,
  };
}

/** One line for each thing the order waits for, as a person reads it. */
export function describeWaiting(waiting: WaitingFor): string {
  switch (waiting.kind) {
    case 'stock-answer':
      return `Stock answer from ${waiting.supplierId}`;
    case 'shipping-quote':
      return `Shipping quote from ${waiting.carrierId}`;
    case 'transport-acceptance':
      return `Transport acceptance by ${waiting.carrierId}`;
    case 'payment':
      return 'Your payment';
    case 'transfer-notice':
      return "The payment gateway's transfer notice";
    case 'buyer-decision':
      return `Your decision: ${waiting.question}`;
    case 'operator':
      return 'An operator (a compensation is stuck)';
  }
}

export function statusLabel(status: string): string {
  const labels: Record<string, string> = {
    sourcing: 'Sourcing',
    quoting: 'Quoting',
    'awaiting-transport-and-payment': 'Awaiting transport and payment',
    cancelling: 'Cancelling',
    completed: 'Completed',
    cancelled: 'Cancelled',
    submitted: 'Submitted',
  };
  return labels[status] ?? status;
}
