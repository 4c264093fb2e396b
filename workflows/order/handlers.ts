import { setHandler, type CancellationScope } from '@temporalio/workflow';
import { checkStockAnswer } from './decisions';
import {
  buyerDecisionUpdate,
  cancelOrderUpdate,
  orderViewQuery,
  paymentNoticeUpdate,
  resolveCompensationUpdate,
  shippingQuoteUpdate,
  stockAnswerUpdate,
  transferNoticeUpdate,
  transportAcceptanceUpdate,
  transportRejectionUpdate,
  wrongTransferAmount,
} from './definitions';
import type { OrderContext, Pending } from './order-context';

/**
 * How people and other systems reach a running order. Each validator refuses a bad answer
 * before it enters history, so the person gets a clear 409 and the order is unchanged.
 */
export function handleUpdates(ctx: OrderContext, forward: CancellationScope): void {
  const { order, view } = ctx;
  setHandler(orderViewQuery, () => view);

  setHandler(stockAnswerUpdate, (answer) => void (ctx.stockInquiries.get(answer.inquiryId)!.answer = answer), {
    validator: (answer) => {
      const pending = expectOpen(ctx.stockInquiries, answer.inquiryId, 'stock inquiry');
      if (pending.message.supplierId !== answer.supplierId) {
        throw new Error(`stock inquiry ${answer.inquiryId} was not sent to supplier ${answer.supplierId}`);
      }
      const problem = checkStockAnswer(pending.message.lines, answer);
      if (problem) throw new Error(problem);
    },
  });

  setHandler(shippingQuoteUpdate, (quote) => void (ctx.shippingInquiries.get(quote.inquiryId)!.answer = quote), {
    validator: (quote) => {
      const pending = expectOpen(ctx.shippingInquiries, quote.inquiryId, 'shipping inquiry');
      if (pending.message.carrierId !== quote.carrierId) {
        throw new Error(`shipping inquiry ${quote.inquiryId} was not sent to carrier ${quote.carrierId}`);
      }
      if (quote.price.currency !== order.currency) throw new Error(`quote must be in the order's currency ${order.currency}`);
      if (!Number.isSafeInteger(quote.price.amountMinor) || quote.price.amountMinor < 0) {
        throw new Error('price must be a non-negative integer of minor units');
      }
    },
  });

  const transportAnswer = (answer: { noticeId: string; carrierId: string }) => {
    const pending = expectOpen(ctx.transportNotices, answer.noticeId, 'transport notice');
    if (pending.message.carrierId !== answer.carrierId) {
      throw new Error(`transport notice ${answer.noticeId} was not sent to carrier ${answer.carrierId}`);
    }
  };
  setHandler(transportAcceptanceUpdate, (a) => void (ctx.transportNotices.get(a.noticeId)!.answer = a), {
    validator: transportAnswer,
  });
  setHandler(transportRejectionUpdate, (r) => void (ctx.transportNotices.get(r.noticeId)!.answer = r), {
    validator: transportAnswer,
  });

  setHandler(paymentNoticeUpdate, (notice) => void (ctx.payment = notice), {
    validator: (notice) => {
      const due = view.confirmation?.amountDue;
      if (!due || view.status !== 'awaiting-transport-and-payment') {
        throw new Error(`order ${order.orderId} is not awaiting payment (status ${view.status})`);
      }
      if (ctx.payment) throw new Error(`order ${order.orderId} is already paid`);
      if (notice.buyerId !== order.buyerId) throw new Error('payment must come from the ordering buyer');
      if (notice.amount.currency !== due.currency || notice.amount.amountMinor !== due.amountMinor) {
        throw new Error(
          `amount must be the amount due, ${due.amountMinor} ${due.currency}; got ${notice.amount.amountMinor} ${notice.amount.currency}`,
        );
      }
    },
  });

  setHandler(transferNoticeUpdate, (notice) => void (ctx.transfer = notice), {
    validator: (notice) => {
      const due = view.confirmation?.amountDue;
      if (notice.orderId !== order.orderId) throw new Error(`transfer notice is for order ${notice.orderId}`);
      if (!ctx.payment || !due || view.status !== 'awaiting-transport-and-payment') {
        throw new Error(`order ${order.orderId} is not awaiting a transfer (status ${view.status})`);
      }
      if (ctx.transfer) throw new Error(`order ${order.orderId} already has its transfer notice`);
      if (notice.amount.currency !== due.currency || notice.amount.amountMinor !== due.amountMinor) {
        throw new Error(wrongTransferAmount(notice.amount, due));
      }
    },
  });

  setHandler(
    cancelOrderUpdate,
    (request) => {
      ctx.cancelRequest = request;
      forward.cancel();
    },
    {
      validator: (_request) => {
        if (view.status === 'completed' || view.status === 'cancelled' || view.status === 'cancelling' || ctx.cancelRequest) {
          throw new Error(`order ${order.orderId} is already ${view.status}`);
        }
        if (ctx.dispatched) throw new Error(`order ${order.orderId} is released for dispatch and can no longer be cancelled`);
      },
    },
  );

  setHandler(buyerDecisionUpdate, (decision) => void (ctx.lastDecision = { ...decision, round: ctx.buyerQuestions }), {
    validator: (_decision) => {
      if (!view.waitingFor.some((w) => w.kind === 'buyer-decision')) {
        throw new Error(`order ${order.orderId} is not waiting for a decision of the buyer`);
      }
    },
  });

  setHandler(resolveCompensationUpdate, (r) => void ctx.resolutions.set(r.compensationId, r), {
    validator: (r) => {
      if (!view.waitingFor.some((w) => w.kind === 'operator' && w.compensationId === r.compensationId)) {
        throw new Error(`compensation ${r.compensationId} of order ${order.orderId} is not waiting for an operator`);
      }
    },
  });
}

function expectOpen<M, A>(map: Map<string, Pending<M, A>>, id: string, what: string): Pending<M, A> {
  const pending = map.get(id);
  if (!pending) throw new Error(`no ${what} ${id} is open on this order`);
  if (pending.answer) throw new Error(`${what} ${id} is already answered`);
  if (pending.closed) throw new Error(`${what} ${id} is no longer open: it was withdrawn`);
  return pending;
}
