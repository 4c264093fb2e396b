import { ApplicationFailure, setHandler, type CancellationScope } from '@temporalio/workflow';
import type { FailureDetail, FailureType, Money } from '../../libs/contracts/src';
import { FAILURE } from '../../libs/contracts/src';
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
import type { OrderState, Pending } from './order-state';

/** A refusal the caller can act on: its type says what kind, its detail which field and why. */
function refuse(type: FailureType, reason: string, detail: Omit<FailureDetail, 'reason'> = {}): never {
  throw ApplicationFailure.create({ type, message: reason, nonRetryable: true, details: [{ ...detail, reason }] });
}

const sameMoney = (a: Money, b: Money) => a.currency === b.currency && a.amountMinor === b.amountMinor;

/**
 * How people and other systems reach a running order. Each validator refuses a bad answer
 * before it enters history, so the person gets a clear 4xx and the order is unchanged.
 */
export function handleUpdates(state: OrderState, forward: CancellationScope): void {
  const { order, view } = state;
  setHandler(orderViewQuery, () => view);

  const notAwaiting = (what: string): never =>
    refuse(FAILURE.orderState, `order ${order.orderId} is not awaiting ${what} (status ${view.status})`, { state: view.status });

  setHandler(stockAnswerUpdate, (answer) => void (state.stockInquiries.get(answer.inquiryId)!.answer = answer), {
    validator: (answer) => {
      const pending = expectOpen(state.stockInquiries, answer.inquiryId, 'stock inquiry');
      if (pending.message.supplierId !== answer.supplierId) {
        refuse(FAILURE.wrongParty, `stock inquiry ${answer.inquiryId} was not sent to supplier ${answer.supplierId}`, { field: 'supplierId' });
      }
      const problem = checkStockAnswer(pending.message.lines, answer);
      if (problem) refuse(FAILURE.answerRefused, problem, { field: 'lines' });
    },
  });

  setHandler(shippingQuoteUpdate, (quote) => void (state.shippingInquiries.get(quote.inquiryId)!.answer = quote), {
    validator: (quote) => {
      const pending = expectOpen(state.shippingInquiries, quote.inquiryId, 'shipping inquiry');
      if (pending.message.carrierId !== quote.carrierId) {
        refuse(FAILURE.wrongParty, `shipping inquiry ${quote.inquiryId} was not sent to carrier ${quote.carrierId}`, { field: 'carrierId' });
      }
      if (quote.price.currency !== order.currency) {
        refuse(FAILURE.answerRefused, `quote must be in the order's currency ${order.currency}`, { field: 'price.currency' });
      }
      if (!Number.isSafeInteger(quote.price.amountMinor) || quote.price.amountMinor < 0) {
        refuse(FAILURE.answerRefused, 'price must be a non-negative integer of minor units', { field: 'price.amountMinor' });
      }
    },
  });

  const transportAnswer = (answer: { noticeId: string; carrierId: string }) => {
    const pending = expectOpen(state.transportNotices, answer.noticeId, 'transport notice');
    if (pending.message.carrierId !== answer.carrierId) {
      refuse(FAILURE.wrongParty, `transport notice ${answer.noticeId} was not sent to carrier ${answer.carrierId}`, { field: 'carrierId' });
    }
  };
  setHandler(transportAcceptanceUpdate, (a) => void (state.transportNotices.get(a.noticeId)!.answer = a), {
    validator: transportAnswer,
  });
  setHandler(transportRejectionUpdate, (r) => void (state.transportNotices.get(r.noticeId)!.answer = r), {
    validator: transportAnswer,
  });

  setHandler(paymentNoticeUpdate, (notice) => void (state.payment = notice), {
    validator: (notice) => {
      const due = view.confirmation?.amountDue;
      if (!due || view.status !== 'awaiting-transport-and-payment') notAwaiting('payment');
      if (state.payment) refuse(FAILURE.orderState, `order ${order.orderId} is already paid`, { state: 'paid' });
      if (notice.buyerId !== order.buyerId) refuse(FAILURE.wrongParty, 'payment must come from the ordering buyer', { field: 'buyerId' });
      if (!sameMoney(notice.amount, due!)) {
        refuse(
          FAILURE.answerRefused,
          `amount must be the amount due, ${due!.amountMinor} ${due!.currency}; got ${notice.amount.amountMinor} ${notice.amount.currency}`,
          { field: 'amount' },
        );
      }
    },
  });

  setHandler(transferNoticeUpdate, (notice) => void (state.transfer = notice), {
    validator: (notice) => {
      const due = view.confirmation?.amountDue;
      if (notice.orderId !== order.orderId) refuse(FAILURE.answerRefused, `transfer notice is for order ${notice.orderId}`, { field: 'orderId' });
      if (!state.payment || !due || view.status !== 'awaiting-transport-and-payment') notAwaiting('a transfer');
      if (state.transfer) refuse(FAILURE.orderState, `order ${order.orderId} already has its transfer notice`, { state: 'transferred' });
      if (!sameMoney(notice.amount, due!)) {
        refuse(FAILURE.answerRefused, wrongTransferAmount(notice.amount, due!), { field: 'amount' });
      }
    },
  });

  setHandler(
    cancelOrderUpdate,
    (request) => {
      state.cancelRequest = request;
      forward.cancel();
    },
    {
      validator: (_request) => {
        if (view.status === 'completed' || view.status === 'cancelled' || view.status === 'cancelling' || state.cancelRequest) {
          refuse(FAILURE.orderState, `order ${order.orderId} is already ${view.status}`, { state: view.status });
        }
        if (state.dispatched) {
          refuse(FAILURE.orderState, `order ${order.orderId} is released for dispatch and can no longer be cancelled`, { state: 'dispatched' });
        }
      },
    },
  );

  setHandler(buyerDecisionUpdate, (decision) => void (state.lastDecision = { ...decision, round: state.buyerQuestions }), {
    validator: (_decision) => {
      if (!view.waitingFor.some((w) => w.kind === 'buyer-decision')) {
        refuse(FAILURE.orderState, `order ${order.orderId} is not waiting for a decision of the buyer`, { state: view.status });
      }
    },
  });

  setHandler(resolveCompensationUpdate, (r) => void state.resolutions.set(r.compensationId, r), {
    validator: (r) => {
      if (!view.waitingFor.some((w) => w.kind === 'operator' && w.compensationId === r.compensationId)) {
        refuse(FAILURE.orderState, `compensation ${r.compensationId} of order ${order.orderId} is not waiting for an operator`, {
          field: 'compensationId',
          state: view.status,
        });
      }
    },
  });
}

function expectOpen<M, A>(map: Map<string, Pending<M, A>>, id: string, what: string): Pending<M, A> {
  const pending = map.get(id);
  if (!pending) refuse(FAILURE.messageNotOpen, `no ${what} ${id} is open on this order`);
  if (pending.answer) refuse(FAILURE.messageNotOpen, `${what} ${id} is already answered`);
  if (pending.closed) refuse(FAILURE.messageNotOpen, `${what} ${id} is no longer open: it was withdrawn`);
  return pending;
}
