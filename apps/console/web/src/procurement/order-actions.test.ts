import { describe, expect, it } from 'vitest';
import type { Booking, OrderView } from '../api/types';
import { orderActions } from './order-actions';

const booking = (status: Booking['status']): Booking => ({ originCode: 'HAM', carrierId: 'rhein-freight', noticeId: 'n', price: { amountMinor: 1, currency: 'EUR' }, pickupDate: '2030-01-02', deliveryDate: '2030-01-05', status });
const view = (v: Partial<OrderView>): Pick<OrderView, 'status' | 'waitingFor' | 'bookings'> => ({ status: 'sourcing', waitingFor: [], bookings: [], ...v });

describe('what the buyer may do with an order', () => {
  it('may cancel while the order runs and nothing is released', () => {
    expect(orderActions(view({})).cancel).toBe(true);
    expect(orderActions(view({ status: 'awaiting-transport-and-payment', bookings: [booking('awaiting-acceptance')] })).cancel).toBe(true);
    expect(orderActions(view({ status: 'awaiting-transport-and-payment', bookings: [booking('accepted')] })).cancel).toBe(false);
    expect(orderActions(view({ status: 'completed' })).cancel).toBe(false);
    expect(orderActions(view({ status: 'cancelling' })).cancel).toBe(false);
  });
  it('may pay the amount due when the payment is awaited', () => {
    const due = { amountMinor: 16400, currency: 'EUR' };
    expect(orderActions(view({ status: 'awaiting-transport-and-payment', waitingFor: [{ kind: 'payment', amountDue: due, deadline: '2030-01-01T00:00:00Z' }] })).pay).toEqual({ amountDue: due, deadline: '2030-01-01T00:00:00Z' });
    expect(orderActions(view({ status: 'awaiting-transport-and-payment', waitingFor: [{ kind: 'transfer-notice', amount: due }] })).pay).toBeNull();
  });
  it('may decide only when the order asks', () => {
    expect(orderActions(view({ waitingFor: [{ kind: 'buyer-decision', question: 'wait?', deadline: 'd' }] })).decide).toEqual({ question: 'wait?', deadline: 'd' });
    expect(orderActions(view({ waitingFor: [{ kind: 'stock-answer', supplierId: 's', inquiryId: 'i', deadline: 'd' }] })).decide).toBeNull();
  });
});
