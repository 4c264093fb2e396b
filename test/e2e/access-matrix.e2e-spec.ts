import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { PartyRole } from '@tradelane/contracts';
import { AccessTokenIssuer, PROBLEM_TYPE_BASE, type OrganisationRole } from '@tradelane/platform';
import { orderViewQuery } from '@tradelane/workflows';
import { bearer } from '../support/identity';
import { purchaseOrder, purchaseOrderTerms } from '../support/purchase-orders';
import { answerAutomatically, eventually, startStack, type Stack } from '../support/stack';

/**
 * Every role against every endpoint of every service, and every party against the objects of
 * another party of its kind. A cell leaks when a caller gets further than its row allows.
 */
interface Caller {
  id: string;
  role: OrganisationRole;
  /** a signed-in member of the organisation rather than its API key (which acts as its admin) */
  member?: boolean;
}

/** What an endpoint's object belongs to: parties of that role see only their own. */
interface Owner {
  role: OrganisationRole;
  id: string;
}

interface Endpoint {
  service: PartyRole;
  method: 'get' | 'post' | 'put' | 'delete';
  /** as the service's OpenAPI document names it, so that no route escapes the matrix */
  route: string;
  path: string;
  roles: OrganisationRole[];
  owner?: Owner;
  /** what an admitted caller sends: invalid input where a valid one would change state */
  admittedBody?: unknown;
  /** what a refused caller sends: a valid request, so a leak would show as a success */
  refusedBody?: unknown;
  /** status a party of the owner's role that is not the owner gets (404 unless said) */
  strangerStatus?: number;
  /** for lists: the owner field of each item, which must be the caller's own id for parties */
  listOwner?: (item: Record<string, unknown>) => unknown;
  multipart?: Record<string, string>;
  /** what each caller the roles admit gets, where that depends on more than role and owner */
  expect?: (caller: Caller) => number | 'admitted';
}

const BUYER = 'muster-maschinenbau';
const OTHER_BUYER = 'zeta-werke';
const ediProfile = { standard: 'x12', version: '004010', x12: { isaQualifier: 'ZZ', isaId: 'MUSTERMB', gsId: 'MUSTERMB' }, documents: ['acknowledgment'] };

describe('who may do what: the access matrix', () => {
  let stack: Stack;
  let orderId: string;
  let stockInquiry: { id: string; supplier: string };
  let shippingInquiry: { id: string; carrier: string };
  let transportNotice: { id: string; carrier: string };
  let endpoints: Endpoint[];
  let callers: Caller[];

  beforeAll(async () => {
    stack = await startStack();
    await answerAutomatically(stack);
    const buyer = stack.as(BUYER);
    const submitted = await buyer.distributor.post('/purchase-orders').send(purchaseOrder([{ sku: 'BOLT-M8', quantity: 100 }])).expect(201);
    orderId = submitted.body.orderId;
    const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);
    const due = await eventually('the order confirmation', async () => {
      const view = await handle.query(orderViewQuery);
      return view.waitingFor.some((w) => w.kind === 'payment') ? view.confirmation!.amountDue : undefined;
    });
    await buyer.buyer.post(`/orders/${orderId}/payment-notice`).send(due).expect(200);
    await handle.result();
    // A second buyer's order, so that lists have someone else's rows to leak.
    await answerAutomatically(stack);
    await stack.as(OTHER_BUYER).distributor.post('/purchase-orders').send({ ...purchaseOrder([{ sku: 'NUT-M8', quantity: 10 }]), buyerId: OTHER_BUYER }).expect(201);

    const one = async (sql: string) => (await stack.db.query(sql, [orderId])).rows[0];
    const si = await one(`SELECT inquiry_id AS id, supplier_id AS owner FROM supplier.stock_inquiries WHERE order_id = $1`);
    const sh = await one(`SELECT inquiry_id AS id, carrier_id AS owner FROM carrier.shipping_inquiries WHERE order_id = $1 LIMIT 1`);
    const tn = await one(`SELECT notice_id AS id, carrier_id AS owner FROM carrier.transport_notices WHERE order_id = $1`);
    stockInquiry = { id: si.id, supplier: si.owner };
    shippingInquiry = { id: sh.id, carrier: sh.owner };
    transportNotice = { id: tn.id, carrier: tn.owner };

    const buyerAdmin = (await stack.db.query(`SELECT id FROM distributor.people WHERE email = $1`, [`admin@${BUYER}.example`])).rows[0].id as string;
    // A provider for the buyer, so that reading it finds one; nothing here signs in through it.
    await stack.as('tradelane-ops').distributor
      .put(`/organisations/${BUYER}/identity-provider`)
      .send({ issuer: 'http://127.0.0.1:9', clientId: 'matrix', clientSecret: 'matrix' })
      .expect(200);

    // A trading-partner profile and one outbound document of the buyer's, so that reading them finds them.
    await stack.as('tradelane-ops').distributor.put(`/organisations/${BUYER}/trading-partner`).send(ediProfile).expect(200);
    const outboundId = randomUUID();
    await stack.db.query(
      `INSERT INTO distributor.edi_documents (id, partner_id, direction, standard, document_type, status, raw, content_sha256)
       VALUES ($1, $2, 'outbound', 'x12', '997', 'ready', 'ISA*00*~', 'matrix')`,
      [outboundId, BUYER],
    );
    const inboundId = randomUUID();
    await stack.db.query(
      `INSERT INTO distributor.edi_documents (id, partner_id, direction, standard, document_type, status, raw, content_sha256)
       VALUES ($1, $2, 'inbound', 'x12', '850', 'rejected', 'ISA*00*~', 'matrix')`,
      [inboundId, BUYER],
    );
    const orderParties = new Set<string>(
      (await stack.db.query(`SELECT sender_id AS id FROM distributor.order_messages WHERE order_id = $1 UNION SELECT receiver_id FROM distributor.order_messages WHERE order_id = $1`, [orderId])).rows.map((r: { id: string }) => r.id),
    );
    const buyersOwn = (caller: Caller): number | 'admitted' => (caller.id === BUYER || readers.includes(caller.role) ? 'admitted' : 404);
    const partyOfOrder = (caller: Caller): number | 'admitted' => (orderParties.has(caller.id) || readers.includes(caller.role) ? 'admitted' : 404);
    const mailbox: OrganisationRole[] = ['buyer', 'supplier', 'carrier'];

    const supplier = stockInquiry.supplier;
    const carrier = transportNotice.carrier;
    callers = [
      { id: BUYER, role: 'buyer' },
      { id: OTHER_BUYER, role: 'buyer' },
      { id: 'acme-steel', role: 'supplier' },
      { id: 'nordic-parts', role: 'supplier' },
      { id: 'baltic-lines', role: 'carrier' },
      { id: 'rhein-freight', role: 'carrier' },
      { id: 'tradelane-pay', role: 'payment-gateway' },
      { id: 'tradelane-audit', role: 'auditor' },
      { id: 'tradelane-ops', role: 'operator' },
      { id: BUYER, role: 'buyer', member: true },
    ];
    const ofOrder: Owner = { role: 'buyer', id: BUYER };
    const readers: OrganisationRole[] = ['auditor', 'operator'];
    const everyone: OrganisationRole[] = ['buyer', 'supplier', 'carrier', 'payment-gateway', 'auditor', 'operator'];
    const invalid = { unexpected: true };
    // An organisation's people: its admins (its API keys) and the operator manage them, auditors
    // read them, its members may not (403), and everyone else finds no such organisation (404).
    const ofPeople = (reading: boolean) => (caller: Caller): number | 'admitted' => {
      if (caller.role === 'operator' || (caller.role === 'auditor' && reading)) return 'admitted';
      if (caller.id === BUYER) return caller.member ? 403 : 'admitted';
      return caller.role === 'auditor' ? 403 : 404;
    };
    const people = `/organisations/${BUYER}/people`;
    endpoints = [
      // distributor
      { service: 'distributor', method: 'post', route: '/purchase-orders', path: '/purchase-orders', roles: ['buyer'], owner: ofOrder,
        admittedBody: invalid, refusedBody: purchaseOrder([{ sku: 'BOLT-M8', quantity: 1 }]), strangerStatus: 403 },
      { service: 'distributor', method: 'post', route: '/purchase-orders/csv', path: '/purchase-orders/csv', roles: ['buyer'], owner: ofOrder,
        multipart: { order: JSON.stringify(purchaseOrderTerms()) }, strangerStatus: 403 },
      { service: 'distributor', method: 'get', route: '/orders', path: '/orders', roles: ['buyer', ...readers], listOwner: (o) => o.buyerId },
      { service: 'distributor', method: 'get', route: '/orders/{orderId}', path: `/orders/${orderId}`, roles: ['buyer', ...readers], owner: ofOrder },
      { service: 'distributor', method: 'get', route: '/orders/{orderId}/messages', path: `/orders/${orderId}/messages`, roles: ['buyer', ...readers], owner: ofOrder },
      { service: 'distributor', method: 'post', route: '/orders/{orderId}/cancel', path: `/orders/${orderId}/cancel`, roles: ['buyer'], owner: ofOrder,
        admittedBody: invalid, refusedBody: { reason: 'leak test' } },
      { service: 'distributor', method: 'post', route: '/orders/{orderId}/decision', path: `/orders/${orderId}/decision`, roles: ['buyer'], owner: ofOrder,
        admittedBody: invalid, refusedBody: { decision: 'cancel' } },
      { service: 'distributor', method: 'get', route: '/catalogue', path: '/catalogue', roles: ['buyer', ...readers] },
      { service: 'distributor', method: 'get', route: '/party-terms', path: '/party-terms', roles: readers },
      { service: 'distributor', method: 'put', route: '/party-terms/{role}/{partyId}', path: `/party-terms/supplier/${supplier}`, roles: ['operator'],
        admittedBody: invalid, refusedBody: { answerWithinSeconds: 1, remindBeforeSeconds: 0, onDeadline: 'cancel' } },
      { service: 'distributor', method: 'get', route: '/operations/stuck-compensations', path: '/operations/stuck-compensations', roles: readers },
      { service: 'distributor', method: 'post', route: '/operations/stuck-compensations/{orderId}/{compensationId}/resolve',
        path: `/operations/stuck-compensations/${orderId}/refund/resolve`, roles: ['operator'], admittedBody: invalid,
        refusedBody: { resolution: 'resolved-manually', note: 'leak test' } },
      { service: 'distributor', method: 'post', route: '/transfer-notices', path: '/transfer-notices', roles: ['payment-gateway'], admittedBody: {}, refusedBody: {} },
      { service: 'distributor', method: 'get', route: '/transfer-notices', path: '/transfer-notices', roles: readers },
      ...['timeline', 'timeline.csv', 'verify', 'bundle', 'history', 'replay'].map((leaf): Endpoint => ({
        service: 'distributor', method: 'get', route: `/audit/orders/{orderId}/${leaf}`, path: `/audit/orders/${orderId}/${leaf}`, roles: ['auditor'],
      })),
      { service: 'distributor', method: 'get', route: '/audit/replays', path: '/audit/replays?closedAfter=2020-01-01T00:00:00Z&closedBefore=2020-01-02T00:00:00Z', roles: ['auditor'] },
      { service: 'distributor', method: 'get', route: '/audit/checkpoints', path: '/audit/checkpoints', roles: ['auditor'] },
      { service: 'distributor', method: 'get', route: '/organisations', path: '/organisations', roles: readers },
      { service: 'distributor', method: 'post', route: '/organisations', path: '/organisations', roles: ['operator'], admittedBody: invalid,
        refusedBody: { id: `leak-${randomUUID().slice(0, 8)}`, role: 'operator', name: 'Mallory' } },
      { service: 'distributor', method: 'get', route: '/organisations/{organisationId}', path: `/organisations/${BUYER}`, roles: readers },
      { service: 'distributor', method: 'get', route: '/organisations/{organisationId}/api-keys', path: `/organisations/${BUYER}/api-keys`, roles: readers },
      { service: 'distributor', method: 'post', route: '/organisations/{organisationId}/api-keys', path: `/organisations/${BUYER}/api-keys`, roles: ['operator'],
        admittedBody: { label: 7 }, refusedBody: { label: 'mallory' } },
      { service: 'distributor', method: 'delete', route: '/organisations/{organisationId}/api-keys/{keyId}', path: `/organisations/${BUYER}/api-keys/not-a-key-id`,
        roles: ['operator'] },
      { service: 'distributor', method: 'get', route: '/organisations/{organisationId}/people', path: people, roles: everyone, expect: ofPeople(true) },
      { service: 'distributor', method: 'post', route: '/organisations/{organisationId}/people', path: people, roles: everyone, expect: ofPeople(false),
        admittedBody: invalid, refusedBody: { email: `leak-${randomUUID().slice(0, 8)}@mallory.example`, name: 'Mallory', role: 'admin', password: 'mallory was here' } },
      { service: 'distributor', method: 'put', route: '/organisations/{organisationId}/people/{personId}/password', path: `${people}/${buyerAdmin}/password`,
        roles: everyone, expect: ofPeople(false), admittedBody: invalid, refusedBody: { password: 'mallory was here' } },
      { service: 'distributor', method: 'delete', route: '/organisations/{organisationId}/people/{personId}/sessions', path: `${people}/${buyerAdmin}/sessions`,
        roles: everyone, expect: ofPeople(false) },
      { service: 'distributor', method: 'get', route: '/organisations/{organisationId}/identity-provider', path: `/organisations/${BUYER}/identity-provider`, roles: readers },
      { service: 'distributor', method: 'put', route: '/organisations/{organisationId}/identity-provider', path: `/organisations/${BUYER}/identity-provider`,
        roles: ['operator'], admittedBody: invalid, refusedBody: { issuer: 'https://mallory.example', clientId: 'mallory', clientSecret: 'mallory' } },
      { service: 'distributor', method: 'get', route: '/edi/partners', path: '/edi/partners', roles: readers },
      { service: 'distributor', method: 'get', route: '/organisations/{organisationId}/trading-partner', path: `/organisations/${BUYER}/trading-partner`, roles: readers },
      { service: 'distributor', method: 'put', route: '/organisations/{organisationId}/trading-partner', path: `/organisations/${BUYER}/trading-partner`,
        roles: ['operator'], admittedBody: invalid, refusedBody: { ...ediProfile, version: '005010' } },
      { service: 'distributor', method: 'post', route: '/edi/inbound', path: '/edi/inbound', roles: mailbox, admittedBody: invalid, refusedBody: 'ISA*00*~' },
      { service: 'distributor', method: 'get', route: '/edi/outbound', path: '/edi/outbound', roles: [...mailbox, ...readers], listOwner: (d) => d.partnerId },
      { service: 'distributor', method: 'get', route: '/edi/outbound/{id}', path: `/edi/outbound/${outboundId}`, roles: [...mailbox, ...readers], expect: buyersOwn },
      { service: 'distributor', method: 'post', route: '/edi/outbound/{id}/ack', path: `/edi/outbound/${outboundId}/ack`, roles: mailbox,
        expect: (caller) => (caller.id === BUYER ? 'admitted' : 404) },
      { service: 'distributor', method: 'get', route: '/edi/documents', path: `/edi/documents?orderId=${orderId}`, roles: [...mailbox, ...readers], expect: partyOfOrder },
      { service: 'distributor', method: 'get', route: '/edi/documents/{id}', path: `/edi/documents/${inboundId}`, roles: [...mailbox, ...readers], expect: buyersOwn },
      // supplier
      { service: 'supplier', method: 'get', route: '/stock-inquiries', path: '/stock-inquiries', roles: ['supplier', ...readers], listOwner: (i) => i.supplierId },
      { service: 'supplier', method: 'get', route: '/stock-inquiries/{inquiryId}', path: `/stock-inquiries/${stockInquiry.id}`, roles: ['supplier', ...readers],
        owner: { role: 'supplier', id: supplier } },
      { service: 'supplier', method: 'post', route: '/stock-inquiries/{inquiryId}/answer', path: `/stock-inquiries/${stockInquiry.id}/answer`, roles: ['supplier'],
        owner: { role: 'supplier', id: supplier }, admittedBody: invalid, refusedBody: { lines: [{ lineNo: 1, quantityCommitted: 0 }] } },
      { service: 'supplier', method: 'get', route: '/suppliers', path: '/suppliers', roles: ['supplier', ...readers], listOwner: (s) => s.id },
      ...(['answer-mode', 'reservation-policy'] as const).map((leaf): Endpoint => ({
        service: 'supplier', method: 'put', route: `/suppliers/{supplierId}/${leaf}`, path: `/suppliers/${supplier}/${leaf}`, roles: ['supplier', 'operator'],
        owner: { role: 'supplier', id: supplier }, admittedBody: invalid,
        refusedBody: leaf === 'answer-mode' ? { answerMode: 'manual' } : { holdMinutes: 1 },
      })),
      ...['stock', 'reservations', 'stock-inquiries', 'dispatch-notices'].map((leaf): Endpoint => ({
        service: 'supplier', method: 'get', route: `/suppliers/{supplierId}/${leaf}`, path: `/suppliers/${supplier}/${leaf}`, roles: ['supplier', ...readers],
        owner: { role: 'supplier', id: supplier },
      })),
      // carrier
      { service: 'carrier', method: 'get', route: '/carriers', path: '/carriers', roles: ['carrier', ...readers], listOwner: (c) => c.id },
      { service: 'carrier', method: 'put', route: '/carriers/{carrierId}/answer-mode', path: `/carriers/${carrier}/answer-mode`, roles: ['carrier', 'operator'],
        owner: { role: 'carrier', id: carrier }, admittedBody: invalid, refusedBody: { answerMode: 'manual' } },
      ...['rate-cards', 'shipping-inquiries', 'transport-notices'].map((leaf): Endpoint => ({
        service: 'carrier', method: 'get', route: `/carriers/{carrierId}/${leaf}`, path: `/carriers/${carrier}/${leaf}`, roles: ['carrier', ...readers],
        owner: { role: 'carrier', id: carrier },
      })),
      { service: 'carrier', method: 'get', route: '/shipping-inquiries/{inquiryId}', path: `/shipping-inquiries/${shippingInquiry.id}`, roles: ['carrier', ...readers],
        owner: { role: 'carrier', id: shippingInquiry.carrier } },
      { service: 'carrier', method: 'post', route: '/shipping-inquiries/{inquiryId}/quote', path: `/shipping-inquiries/${shippingInquiry.id}/quote`, roles: ['carrier'],
        owner: { role: 'carrier', id: shippingInquiry.carrier }, admittedBody: invalid,
        refusedBody: { priceMinor: 100 } },
      { service: 'carrier', method: 'get', route: '/transport-notices/{noticeId}', path: `/transport-notices/${transportNotice.id}`, roles: ['carrier', ...readers],
        owner: { role: 'carrier', id: carrier } },
      { service: 'carrier', method: 'post', route: '/transport-notices/{noticeId}/accept', path: `/transport-notices/${transportNotice.id}/accept`, roles: ['carrier'],
        owner: { role: 'carrier', id: carrier }, admittedBody: invalid, refusedBody: {} },
      { service: 'carrier', method: 'post', route: '/transport-notices/{noticeId}/reject', path: `/transport-notices/${transportNotice.id}/reject`, roles: ['carrier'],
        owner: { role: 'carrier', id: carrier }, admittedBody: invalid, refusedBody: { reason: 'leak test' } },
      // buyer
      ...['', '/confirmation', '/reminders'].map((leaf): Endpoint => ({
        service: 'buyer', method: 'get', route: `/orders/{orderId}${leaf}`, path: `/orders/${orderId}${leaf}`, roles: ['buyer', ...readers], owner: ofOrder,
      })),
      { service: 'buyer', method: 'post', route: '/orders/{orderId}/payment-notice', path: `/orders/${orderId}/payment-notice`, roles: ['buyer'], owner: ofOrder,
        admittedBody: invalid, refusedBody: { amountMinor: 1, currency: 'EUR' } },
      // payment gateway
      ...['/payments', '/refunds', '/transfers', '/ledger/check', '/ledger/balance'].map((route): Endpoint => ({
        service: 'payment-gateway', method: 'get', route, path: route, roles: ['payment-gateway', ...readers],
      })),
      { service: 'payment-gateway', method: 'put', route: '/payer-accounts/{buyerId}', path: `/payer-accounts/${BUYER}`, roles: ['payment-gateway', 'operator'],
        admittedBody: invalid, refusedBody: { creditLimitMinor: 1, currency: 'EUR' } },
      { service: 'payment-gateway', method: 'get', route: '/payer-accounts/{buyerId}', path: `/payer-accounts/${BUYER}`, roles: ['buyer', 'payment-gateway', ...readers],
        owner: ofOrder },
    ];
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  function send(endpoint: Endpoint, caller: Caller | undefined, body: unknown) {
    const agents = caller && !caller.member ? stack.as(caller.id, caller.role) : stack.http;
    let req = agents[endpoint.service][endpoint.method](endpoint.path);
    if (caller?.member) {
      req = request(stack.apps[endpoint.service].getHttpServer())[endpoint.method](endpoint.path)
        .set('Authorization', bearer(caller.id, caller.role, { email: `clerk@${caller.id}.example`, role: 'member' }));
    }
    if (endpoint.multipart) {
      for (const [name, value] of Object.entries(endpoint.multipart)) req.field(name, value);
      return req;
    }
    return body === undefined ? req : req.send(body as object);
  }

  it('covers every operation that every service publishes', async () => {
    const inMatrix = new Set(endpoints.map((e) => `${e.service} ${e.method.toUpperCase()} ${e.route}`));
    const published: string[] = [];
    for (const service of ['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway'] as PartyRole[]) {
      const doc = (await stack.http[service].get('/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
      for (const [route, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) published.push(`${service} ${method.toUpperCase()} ${route}`);
      }
    }
    const open = [
      ...['token', 'sign-in', 'session-token', 'sign-out', 'oidc/authorization', 'oidc/callback'].map((leaf) => `distributor POST /auth/${leaf}`),
      ...['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway'].map((s) => `${s} GET /health`)];
    expect(published.filter((op) => !inMatrix.has(op) && !open.includes(op)).sort()).toEqual([]);
    expect([...inMatrix].filter((op) => !published.includes(op)).sort()).toEqual([]);
  });

  it('answers 401 to every operation without a token, or with a token it did not issue', async () => {
    // An operator token, well formed, signed with a key the platform never trusted.
    const forgedOperatorToken = new AccessTokenIssuer(generateKeyPairSync('ed25519').privateKey, 300).issue({
      organisationId: 'tradelane-ops',
      role: 'operator',
      credentialId: 'forged',
      actor: 'api-key:forged',
      personRole: 'admin',
    }).token;
    const leaks: string[] = [];
    for (const endpoint of endpoints) {
      const anonymous = await send(endpoint, undefined, endpoint.refusedBody);
      const forged = await send(endpoint, undefined, endpoint.refusedBody).set('Authorization', `Bearer ${forgedOperatorToken}`);
      for (const [kind, res] of [['anonymous', anonymous], ['forged', forged]] as const) {
        if (res.status !== 401 || res.body.type !== `${PROBLEM_TYPE_BASE}unauthenticated`) {
          leaks.push(`${kind} ${endpoint.method.toUpperCase()} ${endpoint.service}${endpoint.path} -> ${res.status}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('lets each role reach only its own functions, and each party only its own objects', async () => {
    const leaks: string[] = [];
    for (const endpoint of endpoints) {
      for (const caller of callers) {
        const admittedRole = endpoint.roles.includes(caller.role);
        const stranger = admittedRole && endpoint.owner?.role === caller.role && endpoint.owner.id !== caller.id;
        const expected = !admittedRole ? 403 : endpoint.expect ? endpoint.expect(caller) : stranger ? (endpoint.strangerStatus ?? 404) : 'admitted';
        const res = await send(endpoint, caller, expected === 'admitted' ? endpoint.admittedBody : endpoint.refusedBody);
        const cell = `${caller.id} (${caller.role}${caller.member ? ', member' : ''}) ${endpoint.method.toUpperCase()} ${endpoint.service}${endpoint.path}`;
        if (expected === 'admitted') {
          const turnedAway = [401, 403, 404].includes(res.status) && res.body?.type !== `${PROBLEM_TYPE_BASE}unauthorized`;
          if (turnedAway) leaks.push(`${cell}: admitted caller got ${res.status}`);
          if (endpoint.listOwner && !['auditor', 'operator'].includes(caller.role)) {
            const items = (Array.isArray(res.body) ? res.body : res.body.items) as Record<string, unknown>[]; // GET /orders answers a page
            const foreign = items.filter((item) => endpoint.listOwner!(item) !== caller.id);
            if (foreign.length > 0) leaks.push(`${cell}: list shows ${foreign.length} item(s) of others`);
          }
        } else if (res.status !== expected) {
          leaks.push(`${cell}: expected ${expected}, got ${res.status}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('left the order as it was: no refused request changed it', async () => {
    const view = await stack.temporal.workflow.getHandle(`order:${orderId}`).query(orderViewQuery);
    expect(view.status).toBe('completed');
    const organisations = (await stack.as('tradelane-ops').distributor.get('/organisations').expect(200)).body as { id: string }[];
    expect(organisations.filter((o) => o.id.startsWith('leak-'))).toEqual([]);
    const people = await stack.db.query(`SELECT count(*)::int AS n FROM distributor.people WHERE email LIKE 'leak-%'`);
    expect(people.rows[0].n).toBe(0);
    const provider = (await stack.as('tradelane-ops').distributor.get(`/organisations/${BUYER}/identity-provider`).expect(200)).body;
    expect(provider.issuer).toBe('http://127.0.0.1:9');
    // No refused reset changed the buyer admin's password.
    const admin = JSON.parse(readFileSync(process.env.IDENTITY_BOOTSTRAP_FILE as string, 'utf8')).people.find((p: { email: string }) => p.email === `admin@${BUYER}.example`);
    await stack.http.distributor.post('/auth/sign-in').send({ email: admin.email, password: admin.password }).expect(201);
    const terms = await stack.db.query(`SELECT count(*)::int AS n FROM distributor.party_terms WHERE answer_within_seconds = 1`);
    expect(terms.rows[0].n).toBe(0);
    const profile = await stack.db.query(`SELECT version FROM distributor.trading_partners WHERE organisation_id = $1`, [BUYER]);
    expect(profile.rows).toEqual([{ version: '004010' }]);
  });
});
