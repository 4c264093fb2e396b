import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import type { Money, OrderView, TransferNotice } from '../../libs/contracts/src';
import { FAILURE } from '../../libs/contracts/src';
import { orderViewQuery, transferNoticeUpdate, wrongTransferAmount } from '../../workflows/order/definitions';

/**
 * Stands in for an order that is confirmed, paid, and waiting for its transfer notice: the
 * distributor's webhook talks to it exactly as to the real order (view query, transfer update),
 * so that tests of the webhook and the gateway do not depend on the whole order flow.
 */
export async function awaitingTransfer(orderId: string, buyerId: string, amountDue: Money): Promise<TransferNotice> {
  const view = {
    orderId,
    buyerId,
    status: 'awaiting-transport-and-payment',
    waitingFor: [{ kind: 'transfer-notice', amount: amountDue }],
    confirmation: {
      orderId,
      buyerId,
      lines: [],
      freight: [],
      goods: amountDue,
      amountDue,
      deliveryDate: '2030-01-31',
      confirmedAt: '2030-01-01T00:00:00.000Z',
    },
    bookings: [],
    compensations: [],
    updatedAt: '2030-01-01T00:00:00.000Z',
  } as OrderView;
  let transfer: TransferNotice | undefined;
  setHandler(orderViewQuery, () => view);
  setHandler(
    transferNoticeUpdate,
    (notice) => {
      transfer = notice;
      view.transfer = notice;
    },
    {
      validator: (notice) => {
        if (transfer) {
          const reason = `order ${orderId} already has its transfer notice`;
          throw ApplicationFailure.create({ type: FAILURE.orderState, message: reason, nonRetryable: true, details: [{ reason, state: 'transferred' }] });
        }
        if (notice.amount.amountMinor !== amountDue.amountMinor || notice.amount.currency !== amountDue.currency) {
          const reason = wrongTransferAmount(notice.amount, amountDue);
          throw ApplicationFailure.create({ type: FAILURE.answerRefused, message: reason, nonRetryable: true, details: [{ reason, field: 'amount' }] });
        }
      },
    },
  );
  await condition(() => transfer !== undefined);
  return transfer!;
}
