// The orders a row runs and the people who answer them: the buyer submits and pays, clerks and
// dispatch desks answer what their party leaves to a person, and everyone tries again when a
// service is down or answers 5xx, as a person or a client would.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { servicesClient } from '../bench/client.mjs';

export const BUYER = 'muster-maschinenbau';
export const OPERATOR = 'tradelane-ops';
export const AUDITOR = 'tradelane-audit';
export const SUPPLIERS = ['acme-steel', 'nordic-parts'];
export const CARRIERS = ['baltic-lines', 'rhein-freight'];
const ENDED = new Set(['completed', 'cancelled']);

/** Down, restarting, out of its database or Temporal: worth asking again. */
function transient(error) {
  return error?.status === undefined || error.status >= 500 || error.status === 429 || error.status === 401;
}

export function chaosClient(stack) {
  const api = servicesClient({ urls: stack.urls, dataDir: stack.dataDir });
  /** Calls until an answer that is not a transient failure, for up to `forMs`. */
  async function patiently(call, forMs = 180_000) {
    const until = Date.now() + forMs;
    for (let i = 0; ; i++) {
      try {
        return await call();
      } catch (error) {
        if (!transient(error) || Date.now() > until) throw error;
        await sleep(Math.min(250 * 2 ** i, 2000));
      }
    }
  }
  return { ...api, patiently };
}

export function chaosOrder(lines = [{ sku: 'NUT-M8', quantity: 10 }, { sku: 'BEARING-6204', quantity: 2 }]) {
  return {
    buyerId: BUYER,
    lines,
    shipTo: { name: 'Muster Maschinenbau GmbH, Goods In', line1: 'Industriestr. 5', city: 'Koeln', postalCode: '50667', country: 'DE' },
    wantedBy: new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10),
    currency: 'EUR',
  };
}

/** Step 1, with one idempotency key however often it has to be sent. */
export async function submitOrder(client, order = chaosOrder()) {
  const key = randomUUID();
  const submitted = await client.patiently(() =>
    client.post('distributor', '/purchase-orders', order, { as: BUYER, headers: { 'Idempotency-Key': key } }),
  );
  return { orderId: submitted.orderId, workflowId: submitted.workflowId, key };
}

/** The order's state from the distributor, or undefined while it cannot say. */
export async function orderView(client, orderId) {
  try {
    return await client.get('distributor', `/orders/${orderId}`, { as: OPERATOR });
  } catch {
    return undefined;
  }
}

export async function waitForEnd(client, orderIds, { timeoutMs }) {
  const until = Date.now() + timeoutMs;
  const ended = new Map();
  while (ended.size < orderIds.length && Date.now() < until) {
    for (const id of orderIds) {
      if (ended.has(id)) continue;
      const view = await orderView(client, id);
      if (view && ENDED.has(view.status)) ended.set(id, view.status);
    }
    if (ended.size < orderIds.length) await sleep(500);
  }
  return ended;
}

/**
 * The people of one row: a buyer who pays what each confirmation asks (and decides `decision`
 * when a deadline is put to it), and, for the parties named manual, clerks who answer what is
 * open. `answer: false` leaves a manual party's inquiries unanswered, `acceptTransport: false` its
 * transport notices (deadline rows).
 */
export function startPeople(client, { orders, manualSuppliers = [], manualCarriers = [], answer = true, acceptTransport = true, decision = 'cancel', log }) {
  let running = true;
  const paid = new Set();
  const decided = new Set();
  const done = new Set();
  const quiet = async (what, call) => {
    try {
      return await call();
    } catch (error) {
      if (process.env.CHAOS_VERBOSE) log(`people: ${what}: ${error.message}`);
      return undefined;
    }
  };
  const buyer = async () => {
    for (const orderId of orders) {
      if (done.has(orderId)) continue;
      const view = await quiet('order view', () => client.get('distributor', `/orders/${orderId}`, { as: BUYER }));
      if (!view) continue;
      if (ENDED.has(view.status)) {
        done.add(orderId);
        continue;
      }
      const waiting = view.waitingFor ?? [];
      if (waiting.some((w) => w.kind === 'buyer-decision') && !decided.has(orderId)) {
        const got = await quiet('decision', () => client.post('distributor', `/orders/${orderId}/decision`, { decision }, { as: BUYER, allow: [409] }));
        if (got && got.status !== 409) decided.add(orderId);
      }
      if (paid.has(orderId) || !waiting.some((w) => w.kind === 'payment')) continue;
      const confirmation = await quiet('confirmation', () => client.get('buyer', `/orders/${orderId}/confirmation`, { as: BUYER, allow: [404] }));
      if (!confirmation || confirmation.status === 404) continue;
      const payment = { amountMinor: confirmation.amountDue.amountMinor, currency: confirmation.amountDue.currency };
      const got = await quiet('payment notice', () => client.post('buyer', `/orders/${orderId}/payment-notice`, payment, { as: BUYER, allow: [409] }));
      if (got && (got.status !== 409 || /already paid/.test(JSON.stringify(got.problem)))) paid.add(orderId);
    }
  };
  const clerks = async () => {
    if (!answer) return;
    for (const s of manualSuppliers) {
      const open = await quiet('stock inquiries', () => client.get('supplier', `/suppliers/${s}/stock-inquiries?status=open`, { as: s }));
      for (const i of open?.items ?? open ?? []) {
        const lines = i.lines.map((l) => ({ lineNo: l.lineNo, quantityCommitted: l.quantity }));
        await quiet('stock answer', () => client.post('supplier', `/stock-inquiries/${i.inquiryId}/answer`, { lines }, { as: s, allow: [409] }));
      }
    }
    for (const c of manualCarriers) {
      const open = await quiet('shipping inquiries', () => client.get('carrier', `/carriers/${c}/shipping-inquiries?status=open`, { as: c }));
      for (const i of open?.items ?? open ?? []) {
        await quiet('shipping quote', () => client.post('carrier', `/shipping-inquiries/${i.inquiryId}/quote`, {}, { as: c, allow: [409] }));
      }
      if (!acceptTransport) continue;
      const notices = await quiet('transport notices', () => client.get('carrier', `/carriers/${c}/transport-notices?status=open`, { as: c }));
      for (const n of notices?.items ?? notices ?? []) {
        await quiet('transport acceptance', () => client.post('carrier', `/transport-notices/${n.noticeId}/accept`, {}, { as: c, allow: [409] }));
      }
    }
  };
  const loop = (async () => {
    while (running) {
      await Promise.all([buyer(), clerks()]);
      await sleep(400);
    }
  })();
  return {
    paid,
    decided,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** Like a person's `PUT …/answer-mode`, for every supplier and carrier: manual for those named, automatic for the rest. */
export async function setAnswerModes(client, { manualSuppliers = [], manualCarriers = [] }) {
  for (const s of SUPPLIERS) {
    const mode = manualSuppliers.includes(s) ? 'manual' : 'automatic';
    await client.patiently(() => client.put('supplier', `/suppliers/${s}/answer-mode`, { answerMode: mode }, { as: s }));
  }
  for (const c of CARRIERS) {
    const mode = manualCarriers.includes(c) ? 'manual' : 'automatic';
    await client.patiently(() => client.put('carrier', `/carriers/${c}/answer-mode`, { answerMode: mode }, { as: c }));
  }
}

export async function setTerms(client, role, partyId, terms) {
  await client.patiently(() => client.put('distributor', `/party-terms/${role}/${partyId}`, terms, { as: OPERATOR }));
}
