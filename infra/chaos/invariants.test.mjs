// The invariants' decisions on made-up orders (node --test): a sound order passes, and each kind of
// damage the matrix looks for is named by the invariant that must catch it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLedger, checkOrder } from './invariants.mjs';

const ORDER = '00000000-0000-4000-8000-000000000001';
const msg = (seq, step, name, sender, receiver, payload = {}) => ({ seq, step, name, sender_id: sender, receiver_id: receiver, payload: JSON.stringify(payload) });

/** A completed one-supplier order as the stack stores it. */
function soundOrder() {
  return {
    status: 'completed',
    bookings: [{ originCode: 'SE-GOT', status: 'accepted' }],
    log: [
      msg(1, 1, 'purchase-order', 'muster', 'tradelane'),
      msg(2, 2, 'stock-inquiry', 'tradelane', 'acme', { i: 1 }),
      msg(3, 3, 'stock-answer', 'acme', 'tradelane', { i: 1 }),
      msg(4, 4, 'shipping-inquiry', 'tradelane', 'baltic', { s: 1 }),
      msg(5, 5, 'shipping-quote', 'baltic', 'tradelane', { s: 1 }),
      msg(6, 6, 'order-confirmation', 'tradelane', 'muster'),
      msg(7, 6, 'dispatch-notice', 'tradelane', 'acme'),
      msg(8, 7, 'transport-notice', 'tradelane', 'baltic'),
      msg(9, 7, 'transport-acceptance', 'baltic', 'tradelane'),
      msg(10, 7, 'payment-notice', 'muster', 'tradelane-pay'),
      msg(11, 8, 'transfer-notice', 'tradelane-pay', 'tradelane'),
    ],
    reservations: [{ inquiry_id: 'i1', line_no: 1, sku: 'NUT-M8', quantity: '10', status: 'dispatched', notice_id: 'n1' }],
    movements: [{ sku: 'NUT-M8', delta: '-10', reason: 'dispatch', notice_id: 'n1' }],
    transports: [],
    payments: [{ amount_minor: '500', currency: 'EUR', status: 'accepted' }],
    transfers: [{ amount_minor: '500', delivery_status: 'delivered' }],
    refunds: [],
    journals: [{ journal_id: 'j1', currency: 'EUR', debit: '500', credit: '500' }],
    verify: { intact: true },
    replay: { verdict: 'replayed' },
  };
}

function fakes(order) {
  const db = {
    async query(sql) {
      const table = /FROM ([a-z_]+\.[a-z_]+)/.exec(sql)[1];
      const rows = {
        'distributor.order_messages': order.log,
        'supplier.stock_reservations': order.reservations,
        'supplier.stock_movements': order.movements,
        'carrier.transport_notices': order.transports,
        'payment_gateway.payments': order.payments,
        'payment_gateway.transfers': order.transfers,
        'payment_gateway.refunds': order.refunds,
        'payment_gateway.ledger_entries': order.journals.filter((j) => !/HAVING/.test(sql) || j.debit !== j.credit),
      }[table];
      return { rows };
    },
  };
  const client = {
    async get(_role, path) {
      if (path.endsWith('/verify')) return order.verify;
      if (path.endsWith('/replay')) return order.replay;
      return { status: order.status, bookings: order.bookings };
    },
  };
  return { db, client };
}

async function brokenBy(change, options = {}) {
  const order = soundOrder();
  change(order);
  const { broken } = await checkOrder(fakes(order), ORDER, { expect: 'completed', ...options });
  return broken;
}

test('a sound completed order breaks nothing', async () => {
  assert.deepEqual(await brokenBy(() => {}), []);
});

const cases = [
  ['an order still waiting', 'reaches-end', (o) => (o.status = 'awaiting-transport-and-payment')],
  ['an order cancelled where the row expects it completed', 'reaches-end', (o) => (o.status = 'cancelled')],
  ['a gap in the log', 'log-once-in-order', (o) => o.log.splice(3, 1)],
  ['a message logged twice', 'log-once-in-order', (o) => o.log.push({ ...o.log[4], seq: 12 })],
  ['an accepted booking whose acceptance is missing from the log', 'log-once-in-order', (o) => (o.log = o.log.filter((m) => m.name !== 'transport-acceptance').map((m, i) => ({ ...m, seq: i + 1 })))],
  ['a second transfer notice', 'log-once-in-order', (o) => o.log.push(msg(12, 8, 'transfer-notice', 'tradelane-pay', 'tradelane', { again: 1 }))],
  ['stock taken twice for one dispatch notice', 'stock-once', (o) => o.movements.push({ ...o.movements[0] })],
  ['two reservations for one inquiry line', 'stock-once', (o) => o.reservations.push({ ...o.reservations[0], status: 'released' })],
  ['a completed order still holding stock', 'stock-once', (o) => o.reservations.push({ inquiry_id: 'i2', line_no: 1, sku: 'B', quantity: '1', status: 'held' })],
  ['two accepted payments', 'payment-once', (o) => o.payments.push({ ...o.payments[0] })],
  ['a completed order refunded', 'payment-once', (o) => o.refunds.push({ amount_minor: '500' })],
  ['a transfer notice never delivered', 'payment-once', (o) => (o.transfers[0].delivery_status = 'pending')],
  ['a journal that does not balance', 'ledger-balances', (o) => (o.journals[0].credit = '499')],
  ['a broken chain', 'chain-verifies', (o) => (o.verify = { intact: false, firstBroken: { seq: 3, reason: 'hash does not match its content' } })],
  ['a history that diverges', 'replays', (o) => (o.replay = { verdict: 'diverged', error: { message: 'nondeterminism' } })],
];

for (const [what, invariant, change] of cases) {
  test(`${what} breaks ${invariant}`, async () => {
    const broken = await brokenBy(change);
    assert.ok(broken.some((b) => b.invariant === invariant), JSON.stringify(broken));
  });
}

test('a cancelled order must have released its stock, cancelled its bookings and refunded its payment', async () => {
  const cancelled = (o) => {
    o.status = 'cancelled';
    o.log = o.log.slice(0, 10);
    o.transfers = [];
    o.reservations[0].status = 'returned';
    o.movements.push({ sku: 'NUT-M8', delta: '10', reason: 'recall', notice_id: 'n1' });
  };
  assert.deepEqual(await brokenBy((o) => (cancelled(o), o.refunds.push({ amount_minor: '500' })), { expect: 'cancelled' }), []);
  // paid and transferred before the transport deadline put to the buyer, who cancelled: the refund undoes it
  assert.deepEqual(await brokenBy((o) => (cancelled(o), (o.transfers = [{ amount_minor: '500', delivery_status: 'delivered' }]), o.refunds.push({ amount_minor: '500' })), { expect: 'cancelled' }), []);
  const unrefunded = await brokenBy(cancelled, { expect: 'cancelled' });
  assert.deepEqual(unrefunded.map((b) => b.invariant), ['payment-once']);
  const booked = await brokenBy((o) => (cancelled(o), o.refunds.push({ amount_minor: '500' }), o.transports.push({ notice_id: 't1', status: 'accepted' })), { expect: 'cancelled' });
  assert.deepEqual(booked.map((b) => b.invariant), ['stock-once']);
});

test('the whole ledger names each journal that does not balance', async () => {
  const order = soundOrder();
  order.journals.push({ journal_id: 'j2', currency: 'EUR', debit: '10', credit: '0' });
  assert.deepEqual(await checkLedger(fakes(order).db), [{ invariant: 'ledger-balances', detail: 'journal j2 (EUR) does not balance' }]);
});
