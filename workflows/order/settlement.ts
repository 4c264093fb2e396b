import { condition } from '@temporalio/workflow';
import type { OrderConfirmation, WaitingFor } from '../../libs/contracts/src';
import { DISTRIBUTOR, PAYMENT_GATEWAY } from '../../libs/contracts/src';
import { awaitParty } from './deadlines';
import { OrderCancelled, type OrderContext } from './order-context';

/**
 * Step 7, payment, and step 8: the buyer pays the amount due to the gateway before the buyer's
 * deadline; a declined payment cancels the order. The gateway's signed transfer notice reaches
 * the order through the distributor's webhook.
 */
export async function settle(ctx: OrderContext, confirmation: OrderConfirmation, delivered?: Promise<void>): Promise<void> {
  // The order shows the payment as awaited once the buyer has the confirmation to pay against;
  // a payment that comes sooner (the buyer paid as the confirmation arrived) is taken at once.
  if (delivered) await Promise.race([delivered, condition(() => ctx.payment !== undefined)]);
  const terms = await ctx.termsOf(ctx.buyerRef);
  const paid = await awaitParty(ctx, {
    what: 'payment',
    // Nobody else can pay for the buyer: a payment deadline can only cancel.
    terms: { ...terms, onDeadline: 'cancel' },
    answered: () => ctx.payment !== undefined,
    waitingFor: (deadline) => ({ kind: 'payment', amountDue: confirmation.amountDue, deadline }),
    reminder: (deadline) => ({ orderId: ctx.order.orderId, subjectId: ctx.order.orderId, waitingFor: 'payment', deadline }),
    remind: (reminder) => ctx.buyer.forward.remind(reminder),
  });
  if (!paid) throw new OrderCancelled('no payment by the deadline');
  const payment = ctx.payment!;
  await ctx.record('payment-notice', ctx.buyerRef, PAYMENT_GATEWAY, payment);
  ctx.compensations.register({
    kind: 'refund-payment',
    party: PAYMENT_GATEWAY,
    subjectId: ctx.order.orderId,
    run: (reason) => ctx.gateway.undo.refundPayment(ctx.order.orderId, reason),
  });
  const outcome = await ctx.gateway.forward.receivePaymentNotice(payment);
  if (outcome.status === 'declined') throw new OrderCancelled(`payment declined: ${outcome.reason}`);
  const waiting: WaitingFor = { kind: 'transfer-notice', amount: confirmation.amountDue };
  ctx.wait(waiting);
  await condition(() => ctx.transfer !== undefined);
  ctx.drop(waiting);
  await ctx.record('transfer-notice', PAYMENT_GATEWAY, DISTRIBUTOR, ctx.transfer);
  ctx.view.transfer = ctx.transfer;
}
