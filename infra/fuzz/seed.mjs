// Real objects for the fuzzer to aim at: without them nearly every request with an id in its path
// would end at a 404 before any of the service's own logic runs.

const BUYER = 'muster-maschinenbau';
const SUPPLIER = 'acme-steel';
const CARRIERS = ['baltic-lines', 'rhein-freight'];

/** Every HTTP call the fuzz run makes to the services itself goes through here. */
export function serviceClient(urls, tokenOf) {
  return async (service, organisationId, method, path, body) => {
    const res = await fetch(`${urls[service]}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokenOf(organisationId)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${service}${path} as ${organisationId}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

async function until(what, probe, seconds = 20) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const purchaseOrder = (n) => ({
  buyerId: BUYER,
  lines: [{ sku: 'BOLT-M8', quantity: 10 + n }, { sku: 'NUT-M8', quantity: 10 + n }],
  shipTo: { name: 'Muster Maschinenbau, Goods In', line1: 'Industriestr. 5', city: 'Koeln', postalCode: '50667', country: 'DE' },
  wantedBy: '2030-01-31',
  currency: 'EUR',
});

/**
 * The demo buyer's trading-partner profile: without one `/edi/inbound` refuses the buyer (403)
 * before any parser reads what the fuzzer sends. X12 004010, wanting the documents a buyer gets,
 * so the seeded orders also fill its outbox.
 */
const TRADING_PARTNER = {
  standard: 'x12',
  version: '004010',
  x12: { isaQualifier: 'ZZ', isaId: 'MUSTERMB', gsId: 'MUSTERMB' },
  documents: ['acknowledgment', 'order-confirmation', 'ship-notice', 'invoice'],
};

/**
 * The buyer's trading-partner profile (set by the operator), then three orders from the demo buyer: one waits for its stock answer; two are answered, so both
 * carriers have shipping inquiries; one of those is quoted by both, so it has a booking and a
 * transport notice. Returns the ids the fuzzer should try in path parameters.
 */
export async function seedObjects(call) {
  await call('distributor', 'tradelane-ops', 'PUT', `/organisations/${BUYER}/trading-partner`, TRADING_PARTNER);
  const orders = [];
  for (let n = 0; n < 3; n++) orders.push((await call('distributor', BUYER, 'POST', '/purchase-orders', purchaseOrder(n))).orderId);
  const inquiries = await until('a stock inquiry for every order', async () => {
    const open = (await call('supplier', SUPPLIER, 'GET', `/suppliers/${SUPPLIER}/stock-inquiries?status=open`)).filter((i) =>
      orders.includes(i.orderId),
    );
    return open.length === orders.length && open;
  });
  for (const inquiry of inquiries.filter((i) => i.orderId !== orders[0])) {
    await call('supplier', SUPPLIER, 'POST', `/stock-inquiries/${inquiry.inquiryId}/answer`, {
      lines: inquiry.lines.map((line) => ({ lineNo: line.lineNo, quantityCommitted: line.quantity })),
    });
  }
  const shippingInquiryIds = {};
  for (const carrier of CARRIERS) {
    const open = await until(`shipping inquiries to ${carrier}`, async () => {
      const mine = (await call('carrier', carrier, 'GET', `/carriers/${carrier}/shipping-inquiries?status=open`)).filter((i) =>
        orders.includes(i.orderId),
      );
      return mine.length >= 2 && mine;
    });
    shippingInquiryIds[carrier] = open.map((i) => i.inquiryId);
    const quoted = open.find((i) => i.orderId === orders[1]);
    await call('carrier', carrier, 'POST', `/shipping-inquiries/${quoted.inquiryId}/quote`, {});
  }
  const booking = await until('a booking', async () => (await call('buyer', BUYER, 'GET', `/orders/${orders[1]}`)).bookings?.[0]);
  // People of the buyer for the people routes to name: the demo admin and one the seed adds, who
  // the fuzzer may lock out, reset and sign out without touching anyone a person would use.
  await call('distributor', BUYER, 'POST', `/organisations/${BUYER}/people`, {
    email: 'fuzz.seed@muster.example',
    name: 'Fuzz Seed',
    role: 'member',
    password: 'a password for the fuzz seed',
  });
  const people = await call('distributor', BUYER, 'GET', `/organisations/${BUYER}/people`);
  return {
    buyer: BUYER,
    supplier: SUPPLIER,
    orderIds: orders,
    stockInquiryIds: inquiries.map((i) => i.inquiryId),
    shippingInquiryIds,
    transportNotice: { carrierId: booking.carrierId, noticeId: booking.noticeId },
    personIds: people.map((p) => p.id),
  };
}
