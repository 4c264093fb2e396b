// Real objects for the fuzzer to aim at: without them nearly every request with an id in its path
// would end at a 404 before any of the service's own logic runs.

const BUYER = 'muster-maschinenbau';
const SUPPLIER = 'acme-steel';
const CARRIER = 'baltic-lines';

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
 * Three orders from the demo buyer: one waits for its stock answer, two are answered so that the
 * carriers have shipping inquiries. Returns the ids the fuzzer should try in path parameters.
 */
export async function seedObjects(call) {
  const orders = [];
  for (let n = 0; n < 3; n++) orders.push((await call('distributor', BUYER, 'POST', '/purchase-orders', purchaseOrder(n))).orderId);
  const openInquiries = () => call('supplier', SUPPLIER, 'GET', `/suppliers/${SUPPLIER}/stock-inquiries?status=open`);
  const inquiries = await until('a stock inquiry for every order', async () => {
    const open = (await openInquiries()).filter((i) => orders.includes(i.orderId));
    return open.length === orders.length && open;
  });
  for (const inquiry of inquiries.slice(1)) {
    await call('supplier', SUPPLIER, 'POST', `/stock-inquiries/${inquiry.inquiryId}/answer`, {
      answeredBy: 'fuzz.seed',
      lines: inquiry.lines.map((line) => ({ lineNo: line.lineNo, quantityCommitted: line.quantity })),
    });
  }
  const shipping = await until('shipping inquiries', async () => {
    const open = (await call('carrier', CARRIER, 'GET', `/carriers/${CARRIER}/shipping-inquiries?status=open`)).filter((i) =>
      orders.includes(i.orderId),
    );
    return open.length >= 2 && open;
  });
  return {
    buyer: BUYER,
    supplier: SUPPLIER,
    carrier: CARRIER,
    orderIds: orders,
    stockInquiryIds: inquiries.map((i) => i.inquiryId),
    shippingInquiryIds: shipping.map((i) => i.inquiryId),
  };
}
