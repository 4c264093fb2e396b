import { condition } from '@temporalio/workflow';
import type { OrderConfirmation, WaitingFor } from '../../libs/contracts/src';
import { DISTRIBUTOR, PAYMENT_GATEWAY } from '../../libs/contracts/src';
import { awaitParty } from './deadlines';
import type { OrderContext } from './order-context';
import { OrderCancelled } from './order-state';

/**
 * Step 7, payment, and step 8: the buyer pays the amount due to the gateway before the buyer's
 * deadline; a declined payment cancels the order. The gateway's signed transfer notice reaches
 * the order through the distributor's webhook.
 */
export async function settle(ctx: OrderContext, confirmation: OrderConfirmation, delivered: Promise<void>): Promise<void> {
  const { state } = ctx;
  // The order shows the payment as awaited once the buyer has the confirmation to pay against;
  // a payment that comes sooner (the buyer paid as the confirmation arrived) is taken at once.
  await Promise.race([delivered, condition(() => state.payment !== undefined)]);
  const terms = await ctx.termsOf(state.buyerRef);
  const paid = await awaitParty(ctx, {
    what: 'payment',
    // Nobody else can pay for the buyer: a payment deadline can only cancel.
    terms: { ...terms, onDeadline: 'cancel' },
    answered: () => state.payment !== undefined,
    waitingFor: (deadline) => ({ kind: 'payment', amountDue: confirmation.amountDue, deadline }),
    reminder: (deadline) => ({ orderId: ctx.order.orderId, subjectId: ctx.order.orderId, waitingFor: 'payment', deadline }),
    remind: (reminder) => ctx.parties.buyer.forward.remind(reminder),
  });
  if (!paid) throw new OrderCancelled('no payment by the deadline');
  const payment = state.payment!;
  await ctx.log.record('payment-notice', state.buyerRef, PAYMENT_GATEWAY, payment);
  ctx.compensations.register({
    kind: 'refund-payment',
    party: PAYMENT_GATEWAY,
    subjectId: ctx.order.orderId,
    run: (reason) => ctx.parties.gateway.undo.refundPayment(ctx.order.orderId, reason),
  });
  const outcome = await ctx.parties.gateway.forward.receivePaymentNotice(payment);
  if (outcome.status === 'declined') throw new OrderCancelled(`payment declined: ${outcome.reason}`);
  const waiting: WaitingFor = { kind: 'transfer-notice', amount: confirmation.amountDue };
  ctx.wait(waiting);
  await condition(() => state.transfer !== undefined);
  ctx.drop(waiting);
  await ctx.log.record('transfer-notice', PAYMENT_GATEWAY, DISTRIBUTOR, state.transfer);
  state.view.transfer = state.transfer;
}
