// What every order of every row must satisfy once the faults are over, read as an operator and an
// auditor would: through the services' APIs where they show it, through SQL (read only) where no
// API does (the suppliers' reservations and stock movements, the gateway's payments, transfers,
// refunds and ledger). Each check names the invariant it found broken.
import { AUDITOR, OPERATOR } from './driver.mjs';

export const INVARIANTS = [
  'reaches-end',
  'log-once-in-order',
  'stock-once',
  'payment-once',
  'ledger-balances',
  'chain-verifies',
  'replays',
];

/** Messages the flow sends at most once per order, whatever the parties or faults do. */
const ONCE = ['purchase-order', 'order-confirmation', 'payment-notice', 'transfer-notice'];
/** And those a completed order has exactly once. */
const COMPLETED_ONCE = ['purchase-order', 'order-confirmation', 'payment-notice', 'transfer-notice'];

function sum(rows, key) {
  return rows.reduce((s, r) => s + BigInt(r[key] ?? 0), 0n);
}

/**
 * @param {{ client, db }} ctx the run's services client and a read-only pool
 * @param {string} orderId
 * @param {{ expect?: 'completed' | 'cancelled' }} options
 * @returns {Promise<{ orderId: string, status?: string, broken: { invariant: string, detail: string }[] }>}
 */
export async function checkOrder({ client, db }, orderId, { expect } = {}) {
  const broken = [];
  const fail = (invariant, detail) => broken.push({ invariant, detail });

  // reaches its end
  let status;
  let view;
  try {
    view = await client.get('distributor', `/orders/${orderId}`, { as: OPERATOR });
    status = view.status;
  } catch (error) {
    fail('reaches-end', `the order cannot be read: ${error.message}`);
  }
  if (status && status !== 'completed' && status !== 'cancelled') fail('reaches-end', `still ${status}`);
  if (status && expect && status !== expect && (status === 'completed' || status === 'cancelled')) {
    fail('reaches-end', `ended ${status}, the row expects ${expect}`);
  }

  // every message logged exactly once and in order
  const { rows: log } = await db.query(
    `SELECT seq, step, name, sender_id, receiver_id, payload::text AS payload FROM distributor.order_messages WHERE order_id = $1 ORDER BY seq`,
    [orderId],
  );
  log.forEach((m, i) => {
    if (m.seq !== i + 1) fail('log-once-in-order', `seq ${i + 1} is missing (found ${m.seq})`);
  });
  const seen = new Map();
  for (const m of log) {
    const key = `${m.name}|${m.sender_id}|${m.receiver_id}|${m.payload}`;
    if (seen.has(key)) fail('log-once-in-order', `${m.name} from ${m.sender_id} to ${m.receiver_id} logged twice (seq ${seen.get(key)} and ${m.seq})`);
    else seen.set(key, m.seq);
  }
  const count = (name) => log.filter((m) => m.name === name).length;
  for (const name of ONCE) if (count(name) > 1) fail('log-once-in-order', `${count(name)} × ${name}`);
  if (status === 'completed') for (const name of COMPLETED_ONCE) if (count(name) !== 1) fail('log-once-in-order', `a completed order with ${count(name)} × ${name}`);
  const steps = log.filter((m) => m.step !== null).map((m) => m.step);
  if (steps[0] !== undefined && steps[0] !== 1) fail('log-once-in-order', `the log starts at step ${steps[0]}`);
  if (count('stock-answer') > count('stock-inquiry')) fail('log-once-in-order', `${count('stock-answer')} stock answers to ${count('stock-inquiry')} inquiries`);
  if (count('shipping-quote') > count('shipping-inquiry')) fail('log-once-in-order', `${count('shipping-quote')} quotes to ${count('shipping-inquiry')} inquiries`);
  // nothing the order acted on is missing from its log: each booking it holds as accepted was logged
  const acceptedBookings = (view?.bookings ?? []).filter((b) => b.status === 'accepted').length;
  if (status === 'completed' && count('transport-acceptance') !== acceptedBookings) {
    fail('log-once-in-order', `${acceptedBookings} accepted bookings and ${count('transport-acceptance')} transport acceptances logged`);
  }
  if (count('transport-acceptance') > count('transport-notice')) fail('log-once-in-order', `${count('transport-acceptance')} acceptances to ${count('transport-notice')} transport notices`);

  // stock taken or released exactly once
  const { rows: reservations } = await db.query(
    `SELECT inquiry_id, line_no, sku, quantity, status, notice_id FROM supplier.stock_reservations WHERE order_id = $1`,
    [orderId],
  );
  const byLine = new Map();
  for (const r of reservations) {
    const key = `${r.inquiry_id}/${r.line_no}`;
    if (byLine.has(key)) fail('stock-once', `two reservations for inquiry line ${key}`);
    byLine.set(key, r);
  }
  const { rows: movements } = await db.query(
    `SELECT sku, delta, reason, notice_id FROM supplier.stock_movements WHERE order_id = $1`,
    [orderId],
  );
  const taken = movements.filter((m) => m.reason === 'dispatch');
  const putBack = movements.filter((m) => m.reason === 'recall');
  const dispatched = reservations.filter((r) => r.status === 'dispatched' || r.status === 'returned');
  if (-sum(taken, 'delta') !== sum(dispatched, 'quantity')) {
    fail('stock-once', `stock taken ${-sum(taken, 'delta')} for ${sum(dispatched, 'quantity')} dispatched`);
  }
  const takenTwice = new Set();
  for (const m of taken) {
    const key = `${m.notice_id}/${m.sku}`;
    if (takenTwice.has(key)) fail('stock-once', `${m.sku} taken twice for dispatch notice ${m.notice_id}`);
    takenTwice.add(key);
  }
  const returned = reservations.filter((r) => r.status === 'returned');
  if (sum(putBack, 'delta') !== sum(returned, 'quantity')) fail('stock-once', `stock put back ${sum(putBack, 'delta')} for ${sum(returned, 'quantity')} returned`);
  if (status === 'completed') {
    const left = reservations.filter((r) => r.status !== 'dispatched' && r.status !== 'released' && r.status !== 'expired');
    if (left.length) fail('stock-once', `a completed order with reservations ${left.map((r) => r.status).join(', ')}`);
    if (!reservations.some((r) => r.status === 'dispatched')) fail('stock-once', 'a completed order took no stock');
  }
  if (status === 'cancelled') {
    const held = reservations.filter((r) => r.status === 'held' || r.status === 'dispatched');
    if (held.length) fail('stock-once', `a cancelled order still ${held.map((r) => `${r.status} ${r.quantity} ${r.sku}`).join(', ')}`);
    const { rows: transports } = await db.query(
      `SELECT notice_id, status FROM carrier.transport_notices WHERE order_id = $1 AND status IN ('open', 'accepted')`,
      [orderId],
    );
    if (transports.length) fail('stock-once', `a cancelled order with ${transports.length} transport booking(s) still ${transports[0].status}`);
  }

  // at most one payment and one transfer; refunds match payments
  const { rows: payments } = await db.query(`SELECT amount_minor, currency, status FROM payment_gateway.payments WHERE order_id = $1`, [orderId]);
  const { rows: transfers } = await db.query(`SELECT amount_minor, delivery_status FROM payment_gateway.transfers WHERE order_id = $1`, [orderId]);
  const { rows: refunds } = await db.query(`SELECT amount_minor FROM payment_gateway.refunds WHERE order_id = $1`, [orderId]);
  const accepted = payments.filter((p) => p.status === 'accepted');
  if (accepted.length > 1) fail('payment-once', `${accepted.length} accepted payments`);
  if (transfers.length > 1) fail('payment-once', `${transfers.length} transfers`);
  if (refunds.length > 1) fail('payment-once', `${refunds.length} refunds`);
  if (refunds.length && (!accepted.length || sum(refunds, 'amount_minor') !== sum(accepted, 'amount_minor'))) {
    fail('payment-once', `refunded ${sum(refunds, 'amount_minor')} of ${sum(accepted, 'amount_minor')} paid`);
  }
  if (status === 'completed') {
    if (accepted.length !== 1 || transfers.length !== 1) fail('payment-once', `a completed order with ${accepted.length} payment(s), ${transfers.length} transfer(s)`);
    if (refunds.length) fail('payment-once', 'a completed order was refunded');
    if (transfers[0] && transfers[0].delivery_status !== 'delivered') fail('payment-once', `its transfer notice is ${transfers[0].delivery_status}`);
  }
  // A paid order may still be cancelled until its transport is accepted (the transfer may have come); the refund undoes it.
  if (status === 'cancelled' && accepted.length && !refunds.length) fail('payment-once', 'a cancelled order whose payment was not refunded');
  if (transfers.length && !accepted.length) fail('payment-once', 'a transfer without an accepted payment');

  // the ledger balances, for the order and journal by journal
  const { rows: journals } = await db.query(
    `SELECT journal_id, currency, sum(debit_minor) AS debit, sum(credit_minor) AS credit FROM payment_gateway.ledger_entries
      WHERE order_id = $1 GROUP BY journal_id, currency`,
    [orderId],
  );
  for (const j of journals) if (j.debit !== j.credit) fail('ledger-balances', `journal ${j.journal_id}: debit ${j.debit}, credit ${j.credit} ${j.currency}`);

  // the chain verifies, and the history replays against the code now
  try {
    const verification = await client.get('distributor', `/audit/orders/${orderId}/verify`, { as: AUDITOR });
    if (!verification.intact) fail('chain-verifies', JSON.stringify(verification.firstBroken ?? verification));
  } catch (error) {
    fail('chain-verifies', error.message);
  }
  try {
    const replay = await client.get('distributor', `/audit/orders/${orderId}/replay`, { as: AUDITOR });
    if (replay.verdict !== 'replayed') fail('replays', JSON.stringify(replay.error ?? replay).slice(0, 400));
  } catch (error) {
    fail('replays', error.message);
  }
  return { orderId, status, broken };
}

/** The gateway's whole ledger, once per run: every journal balances. */
export async function checkLedger(db) {
  const { rows } = await db.query(
    `SELECT journal_id, currency FROM payment_gateway.ledger_entries GROUP BY journal_id, currency HAVING sum(debit_minor) <> sum(credit_minor)`,
  );
  return rows.map((r) => ({ invariant: 'ledger-balances', detail: `journal ${r.journal_id} (${r.currency}) does not balance` }));
}
