import { randomUUID } from 'node:crypto';
import { FAILURE, type PaymentNotice } from '@tradelane/contracts';
import { transferNoticeConfig, type TransferNoticeConfig } from '@tradelane/platform';
import { PaymentGatewayActivities } from '../../apps/payment-gateway/src/activities/payment-gateway.activities';
import { standInOrders, type StandInOrders } from '../support/awaiting-transfer';
import { startStack, type Stack } from '../support/stack';

/** The gateway's side of real orders: declines, signed transfer notices to the real webhook, refunds, a ledger that balances. */
describe('payment gateway', () => {
  let stack: Stack;
  let orders: StandInOrders;
  let gatewayActivities: PaymentGatewayActivities;

  beforeAll(async () => {
    stack = await startStack();
    orders = await standInOrders(stack);
    gatewayActivities = stack.apps['payment-gateway'].get(PaymentGatewayActivities);
  });
  afterAll(async () => {
    await orders?.close();
    await stack?.close();
  });

  const gateway = () => stack.as('tradelane-pay')['payment-gateway'];
  const paymentOf = (orderId: string, buyerId: string, amountMinor: number): PaymentNotice => ({
    orderId,
    buyerId,
    amount: { amountMinor, currency: 'EUR' },
    paymentReference: `PO-${orderId.slice(0, 8)}`,
    paidBy: 'buyer.jonas',
  });
  const entriesOf = async (orderId: string) =>
    (await stack.db.query(`SELECT count(*)::int AS n FROM payment_gateway.ledger_entries WHERE order_id = $1`, [orderId])).rows[0].n;
  /** Each account's balance (debits − credits) from this order's entries alone. */
  const balancesOf = async (orderId: string) =>
    Object.fromEntries(
      (
        await stack.db.query(
          `SELECT account, sum(debit_minor - credit_minor)::int AS balance FROM payment_gateway.ledger_entries
            WHERE order_id = $1 GROUP BY account`,
          [orderId],
        )
      ).rows.map((r: { account: string; balance: number }) => [r.account, r.balance]),
    );
  const transferOf = async (orderId: string) =>
    (await gateway().get(`/transfers?orderId=${orderId}`).expect(200)).body[0];
  const ledgerCheck = async () => (await gateway().get('/ledger/check').expect(200)).body;

  it('sets a payer account; a bad one is a 400 naming the field', async () => {
    const set = await gateway().put('/payer-accounts/thrifty-gmbh').send({ creditLimitMinor: 50_000, currency: 'EUR' }).expect(200);
    expect(set.body).toEqual({ buyerId: 'thrifty-gmbh', currency: 'EUR', creditLimitMinor: 50_000, usedMinor: 0, availableMinor: 50_000 });
    const bad = await gateway().put('/payer-accounts/thrifty-gmbh').send({ creditLimitMinor: 10.5, currency: 'eur' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['creditLimitMinor', 'currency']);
    await gateway().put('/payer-accounts/has%20space').send({ creditLimitMinor: 1, currency: 'EUR' }).expect(400);
  });

  it('declines a payment beyond what the payer has left: nothing posted, the same answer on a retry', async () => {
    await gateway().put('/payer-accounts/short-gmbh').send({ creditLimitMinor: 10_000, currency: 'EUR' }).expect(200);
    const orderId = randomUUID();
    const notice = paymentOf(orderId, 'short-gmbh', 10_001);
    const first = await gatewayActivities.receivePaymentNotice(notice);
    expect(first).toEqual({ status: 'declined', reason: 'insufficient funds: 10001 EUR asked, 10000 EUR available' });
    expect(await gatewayActivities.receivePaymentNotice(notice)).toEqual(first);
    expect(await entriesOf(orderId)).toBe(0);
    expect(await transferOf(orderId)).toBeUndefined();
    const recorded = (await gateway().get(`/payments?orderId=${orderId}`).expect(200)).body;
    expect(recorded).toEqual([expect.objectContaining({ status: 'declined', amountMinor: 10_001, declineReason: first.status === 'declined' ? first.reason : '' })]);
    expect(await gatewayActivities.refundPayment(orderId, 'order cancelled')).toBeNull();
    expect(await entriesOf(orderId)).toBe(0);
  });

  it('refuses a payment that is not a positive whole amount in an ISO currency, for good, naming the amount; nothing is recorded', async () => {
    for (const amount of [{ amountMinor: 0, currency: 'EUR' }, { amountMinor: 10.5, currency: 'EUR' }, { amountMinor: 100, currency: 'eur' }]) {
      const orderId = randomUUID();
      await expect(gatewayActivities.receivePaymentNotice({ ...paymentOf(orderId, 'muster-maschinenbau', 1), amount })).rejects.toMatchObject({
        type: FAILURE.answerRefused,
        nonRetryable: true,
        message: expect.stringContaining(`got ${amount.amountMinor} ${amount.currency}`),
        details: [expect.objectContaining({ field: 'amount' })],
      });
      expect((await gateway().get(`/payments?orderId=${orderId}`).expect(200)).body).toEqual([]);
      expect(await entriesOf(orderId)).toBe(0);
    }
  });

  it('takes an accepted payment with balanced entries and delivers the signed transfer notice to the real webhook, once', async () => {
    const amountDue = { amountMinor: 248_990, currency: 'EUR' };
    const { orderId, handle } = await orders.start(amountDue, 'muster-maschinenbau');
    const notice = paymentOf(orderId, 'muster-maschinenbau', amountDue.amountMinor);
    const outcome = await gatewayActivities.receivePaymentNotice(notice);
    expect(outcome).toEqual({ status: 'accepted', paymentId: expect.any(String) });

    const transfer = await transferOf(orderId);
    expect(transfer).toMatchObject({ deliveryStatus: 'delivered', amountMinor: amountDue.amountMinor, refusalReason: null });
    const delivered = await handle.result();
    expect(delivered).toMatchObject({ eventId: transfer.eventId, orderId, amount: amountDue, paymentId: outcome.status === 'accepted' ? outcome.paymentId : '' });
    expect(await balancesOf(orderId)).toEqual({
      'buyer:muster-maschinenbau': 248_990,
      'gateway:clearing': 0,
      'distributor:tradelane': -248_990,
    });

    // A retried activity posts nothing and does not send the notice again.
    expect(await gatewayActivities.receivePaymentNotice(notice)).toEqual(outcome);
    expect(await entriesOf(orderId)).toBe(4);
    const events = (await stack.as('tradelane-ops').distributor.get(`/transfer-notices?orderId=${orderId}`).expect(200)).body;
    expect(events).toEqual([expect.objectContaining({ eventId: transfer.eventId, status: 'accepted' })]);
    expect((await ledgerCheck()).balanced).toBe(true);
  });

  it('retries a delivery that failed on the network with the same event; a refusal is recorded, not retried', async () => {
    const config = stack.apps['payment-gateway'].get<TransferNoticeConfig>(transferNoticeConfig.KEY);
    const webhook = config.url;
    const { orderId, handle } = await orders.start({ amountMinor: 1_000, currency: 'EUR' }, 'retry-ag');
    const notice = paymentOf(orderId, 'retry-ag', 1_000);
    config.url = 'http://127.0.0.1:9/transfer-notices';
    try {
      await expect(gatewayActivities.receivePaymentNotice(notice)).rejects.toThrow();
    } finally {
      config.url = webhook;
    }
    const pending = await transferOf(orderId);
    expect(pending.deliveryStatus).toBe('pending');
    expect(await entriesOf(orderId)).toBe(4);
    await gatewayActivities.receivePaymentNotice(notice);
    expect(await transferOf(orderId)).toMatchObject({ eventId: pending.eventId, deliveryStatus: 'delivered' });
    expect((await handle.result()).eventId).toBe(pending.eventId);

    // No such order at the distributor: refused there and flagged; the gateway keeps the reason and stops.
    const unknown = randomUUID();
    expect(await gatewayActivities.receivePaymentNotice(paymentOf(unknown, 'retry-ag', 700))).toMatchObject({ status: 'accepted' });
    const refused = await transferOf(unknown);
    expect(refused).toMatchObject({ deliveryStatus: 'refused', refusalReason: `422: no order ${unknown}` });
    await gatewayActivities.receivePaymentNotice(paymentOf(unknown, 'retry-ag', 700));
    const flagged = (await stack.as('tradelane-ops').distributor.get(`/transfer-notices?status=refused&orderId=${unknown}`).expect(200)).body;
    expect(flagged.map((e: { eventId: string }) => e.eventId)).toEqual([refused.eventId]);
  });

  it('refunds everything an accepted payment did: balances back to zero, room under the limit back, once', async () => {
    await gateway().put('/payer-accounts/refund-kg').send({ creditLimitMinor: 30_000, currency: 'EUR' }).expect(200);
    const { orderId } = await orders.start({ amountMinor: 25_000, currency: 'EUR' }, 'refund-kg');
    expect((await gatewayActivities.receivePaymentNotice(paymentOf(orderId, 'refund-kg', 25_000))).status).toBe('accepted');
    const standing = async () => (await gateway().get('/payer-accounts/refund-kg').expect(200)).body[0];
    expect(await standing()).toMatchObject({ usedMinor: 25_000, availableMinor: 5_000 });
    // The payer has too little left for a second order.
    expect((await gatewayActivities.receivePaymentNotice(paymentOf(randomUUID(), 'refund-kg', 25_000))).status).toBe('declined');

    const refunded = await gatewayActivities.refundPayment(orderId, 'buyer cancelled');
    expect(refunded).toEqual({ amountMinor: 25_000, currency: 'EUR' });
    expect(await balancesOf(orderId)).toEqual({ 'buyer:refund-kg': 0, 'gateway:clearing': 0, 'distributor:tradelane': 0 });
    const entries = await entriesOf(orderId);
    expect(entries).toBe(8);
    expect(await gatewayActivities.refundPayment(orderId, 'again')).toEqual(refunded);
    expect(await entriesOf(orderId)).toBe(entries);
    expect(await standing()).toMatchObject({ usedMinor: 0, availableMinor: 30_000 });
    expect((await gateway().get(`/refunds?orderId=${orderId}`).expect(200)).body).toEqual([
      expect.objectContaining({ amountMinor: 25_000, currency: 'EUR', reason: 'buyer cancelled' }),
    ]);
    expect(await gatewayActivities.refundPayment(randomUUID(), 'never paid')).toBeNull();
  });

  it('proves the ledger balances: per currency, per journal, and accounts summing to zero', async () => {
    const check = await ledgerCheck();
    expect(check.balanced).toBe(true);
    expect(check.unbalancedJournals).toEqual([]);
    expect(check.currencies).toEqual([
      { currency: 'EUR', totalDebitsMinor: expect.any(Number), totalCreditsMinor: expect.any(Number), balanced: true },
    ]);
    expect(check.currencies[0].totalDebitsMinor).toBe(check.currencies[0].totalCreditsMinor);
    expect(check.currencies[0].totalDebitsMinor).toBeGreaterThan(0);
    expect(check.accounts.reduce((sum: number, a: { balanceMinor: number }) => sum + a.balanceMinor, 0)).toBe(0);
    expect(check.accounts).toEqual(expect.arrayContaining([expect.objectContaining({ account: 'gateway:clearing', balanceMinor: 0 })]));
    const balance = (await gateway().get('/ledger/balance').expect(200)).body;
    expect(balance).toEqual([expect.objectContaining({ currency: 'EUR', balanced: true })]);

    // The check can fail: a one-sided entry shows up as unbalanced.
    const orderId = randomUUID();
    const journalId = randomUUID();
    await stack.db.query(
      `INSERT INTO payment_gateway.ledger_entries (journal_id, order_id, account, debit_minor, credit_minor, currency, created_at)
       VALUES ($1, $2, 'gateway:clearing', 1, 0, 'EUR', now())`,
      [journalId, orderId],
    );
    const broken = await ledgerCheck();
    expect(broken.balanced).toBe(false);
    expect(broken.unbalancedJournals).toEqual([{ journalId, currency: 'EUR' }]);
    await stack.db.query(`DELETE FROM payment_gateway.ledger_entries WHERE journal_id = $1`, [journalId]);
  });
});
