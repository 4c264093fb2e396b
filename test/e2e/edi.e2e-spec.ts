import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, isoDate, type OrderView } from '@tradelane/contracts';
import {
  buildAsPartner,
  parseDocument,
  type DocumentContent,
  type InvoiceContent,
  type LoadTenderContent,
  type OrderResponseContent,
  type PartnerSyntax,
  type StockInquiryContent,
} from '@tradelane/edi';
import { orderViewQuery } from '@tradelane/workflows';
import type request from 'supertest';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, startStack, type Stack } from '../support/stack';

/**
 * Buyers that run their own systems: each sends its purchase order as a document in the
 * standard its trading-partner profile names, and reads back the acknowledgment, the order
 * confirmation, the ship notice and the invoice from its outbox. Everything else is the real
 * stack with automatic suppliers and carriers.
 */

const MAX_DOCUMENT_BYTES = 64 * 1024;
const SECRET = 'cxml-shared-secret-of-the-buyer';
const wantedBy = addDays(isoDate(new Date()), 21);
const compact = (iso: string) => iso.replace(/-/g, '');

const SHIP_TO = { name: 'EDI Buyer Goods In', line1: 'Hafenstr. 1', city: 'Hamburg', postalCode: '20457', country: 'DE' };

interface TimelineRow {
  seq: number | null;
  at: string;
  step: number | null;
  kind: 'message' | 'event' | 'document';
  name: string;
  actor: { role: string; id: string };
  to: { role: string; id: string };
  digest: string;
  summary: string;
  coveredBy: string[];
  document?: { id: string; direction: string; standard: string; version: string | null; documentType: string; status: string; inReplyTo: string | null };
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || (c === '\r' && text[i + 1] === '\n')) {
      row.push(field);
      field = '';
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    } else field += c;
  }
  return rows;
}

interface Line {
  sku: string;
  quantity: number;
  price?: string;
}

interface X12Options {
  version: '004010' | '005010';
  sender: string;
  control: number;
  po: string;
  lines: Line[];
  /** changes the SE01 the builder computes, for a wrong count */
  se01Delta?: number;
  /** appended to N1, so that the same control number carries different content */
  shipToName?: string;
}

function x12Order(o: X12Options): string {
  return x12Interchange(o, [{ po: o.po, lines: o.lines }]);
}

/** One interchange of one group holding a transaction set per purchase order (ST02 0001, 0002, …). */
function x12Interchange(o: X12Options, orders: Array<{ po: string; lines: Line[] }>): string {
  const icn = String(o.control).padStart(9, '0');
  const isaVersion = o.version === '005010' ? '00501' : '00401';
  const repetition = o.version === '005010' ? '^' : 'U';
  const sets = orders.flatMap(({ po, lines }, n) => {
    const st = String(n + 1).padStart(4, '0');
    const body = [
      `ST*850*${st}`,
      `BEG*00*SA*${po}**20261201`,
      'CUR*BY*EUR',
      `DTM*002*${compact(wantedBy)}`,
      `N1*ST*${o.shipToName ?? SHIP_TO.name}`,
      `N3*${SHIP_TO.line1}`,
      `N4*${SHIP_TO.city}**${SHIP_TO.postalCode}*${SHIP_TO.country}`,
      ...lines.map((l, i) => `PO1*${i + 1}*${l.quantity}*EA*${l.price ?? ''}**VP*${l.sku}`),
      `CTT*${lines.length}*${lines.reduce((s, l) => s + l.quantity, 0)}`,
    ];
    return [...body, `SE*${body.length + 1 + (o.se01Delta ?? 0)}*${st}`];
  });
  return [
    `ISA*00*          *00*          *ZZ*${o.sender.padEnd(15)}*ZZ*${'TRADELANE'.padEnd(15)}*261201*1200*${repetition}*${isaVersion}*${icn}*0*P*>`,
    `GS*PO*${o.sender}*TRADELANE*20261201*1200*${o.control}*X*${o.version}`,
    ...sets,
    `GE*${orders.length}*${o.control}`,
    `IEA*1*${icn}`,
  ].join('~\n') + '~\n';
}

function edifactOrder(o: { sender: string; control: number; po: string; lines: Line[]; untDelta?: number }): string {
  const body = [
    "UNH+1+ORDERS:D:96A:UN",
    `BGM+220+${o.po}+9`,
    'DTM+137:20261201:102',
    `DTM+2:${compact(wantedBy)}:102`,
    'CUX+2:EUR:9',
    `NAD+ST+++${SHIP_TO.name}+${SHIP_TO.line1}+${SHIP_TO.city}++${SHIP_TO.postalCode}+${SHIP_TO.country}`,
    ...o.lines.flatMap((l, i) => [`LIN+${i + 1}++${l.sku}:SA`, `QTY+21:${l.quantity}`, ...(l.price ? [`PRI+AAA:${l.price}`] : [])]),
    'UNS+S',
    `CNT+2:${o.lines.length}`,
  ];
  // The UNA service string advice ends with its own segment terminator.
  return "UNA:+.? '\n" + [
    `UNB+UNOC:3+${o.sender}:ZZZ+TRADELANE:ZZZ+261201:1200+${o.control}++++1`,
    ...body,
    `UNT+${body.length + 1 + (o.untDelta ?? 0)}+1`,
    `UNZ+1+${o.control}`,
  ].join("'\n") + "'\n";
}

function cxmlOrder(o: { identity: string; secret: string; payloadId: string; po: string; lines: Line[] }): string {
  const items = o.lines
    .map(
      (l, i) => `
      <ItemOut quantity="${l.quantity}" lineNumber="${i + 1}" requestedDeliveryDate="${wantedBy}">
        <ItemID><SupplierPartID>${l.sku}</SupplierPartID></ItemID>
        <ItemDetail>
          <UnitPrice><Money currency="EUR">${l.price ?? '0.00'}</Money></UnitPrice>
          <Description xml:lang="en">${l.sku}</Description>
          <UnitOfMeasure>EA</UnitOfMeasure>
        </ItemDetail>
      </ItemOut>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<cXML payloadID="${o.payloadId}" timestamp="2026-12-01T12:00:00+01:00" version="1.2.069" xml:lang="en">
  <Header>
    <From><Credential domain="NetworkID"><Identity>${o.identity}</Identity></Credential></From>
    <To><Credential domain="NetworkID"><Identity>TRADELANE</Identity></Credential></To>
    <Sender><Credential domain="NetworkID"><Identity>${o.identity}</Identity><SharedSecret>${o.secret}</SharedSecret></Credential><UserAgent>Buyer ERP</UserAgent></Sender>
  </Header>
  <Request deploymentMode="production">
    <OrderRequest>
      <OrderRequestHeader orderID="${o.po}" orderDate="2026-12-01T12:00:00+01:00" type="new">
        <Total><Money currency="EUR">0.00</Money></Total>
        <ShipTo><Address><Name xml:lang="en">${SHIP_TO.name}</Name><PostalAddress><Street>${SHIP_TO.line1}</Street><City>${SHIP_TO.city}</City><PostalCode>${SHIP_TO.postalCode}</PostalCode><Country isoCountryCode="${SHIP_TO.country}">Germany</Country></PostalAddress></Address></ShipTo>
      </OrderRequestHeader>${items}
    </OrderRequest>
  </Request>
</cXML>
`;
}

interface Partner {
  id: string;
  mediaType: string;
  profile: Record<string, unknown>;
  document: (control: number, po: string, lines: Line[]) => string;
  /** what the outbox holds for one accepted order, in order */
  outbound: string[];
}

const wanted = ['acknowledgment', 'order-confirmation', 'ship-notice', 'invoice'];
const x12Partner = (version: '004010' | '005010', id: string, isaId: string): Partner => ({
  id,
  mediaType: 'application/edi-x12',
  profile: { standard: 'x12', version, x12: { isaQualifier: 'ZZ', isaId, gsId: isaId }, documents: wanted },
  document: (control, po, lines) => x12Order({ version, sender: isaId, control, po, lines }),
  outbound: [version === '005010' ? '999' : '997', '855', '856', '810'],
});
const PARTNERS: Partner[] = [
  x12Partner('004010', 'edi-buyer-x12-4010', 'EDIBUYER4010'),
  x12Partner('005010', 'edi-buyer-x12-5010', 'EDIBUYER5010'),
  {
    id: 'edi-buyer-cxml',
    mediaType: 'text/xml',
    profile: { standard: 'cxml', version: '1.2.069', cxml: { domain: 'NetworkID', identity: 'EDIBUYERCXML', sharedSecret: SECRET }, documents: wanted },
    document: (control, po, lines) => cxmlOrder({ identity: 'EDIBUYERCXML', secret: SECRET, payloadId: `${control}.order@edibuyercxml`, po, lines }),
    outbound: ['ConfirmationRequest', 'ShipNoticeRequest', 'InvoiceDetailRequest'],
  },
  {
    id: 'edi-buyer-edifact',
    mediaType: 'application/edifact',
    profile: { standard: 'edifact', version: 'D96A', edifact: { unbId: 'EDIBUYEREDI', unbQualifier: 'ZZZ' }, documents: wanted },
    document: (control, po, lines) => edifactOrder({ sender: 'EDIBUYEREDI', control, po, lines }),
    outbound: ['CONTRL', 'ORDRSP', 'DESADV', 'INVOIC'],
  },
];
const [X12_4010, , CXML, EDIFACT] = PARTNERS;

describe('B2B documents through the mailbox', () => {
  let stack: Stack;

  beforeAll(async () => {
    process.env.EDI_OUTBOX_INTERVAL_MS = '300';
    process.env.EDI_MAX_DOCUMENT_BYTES = String(MAX_DOCUMENT_BYTES);
    process.env.EDI_PUSH_RETRY_BASE_MS = '100';
    stack = await startStack();
    await answerAutomatically(stack);
    const ops = stack.as('tradelane-ops').distributor;
    for (const partner of PARTNERS) {
      await ops.post('/organisations').send({ id: partner.id, role: 'buyer', name: partner.id }).expect(201);
      await ops.put(`/organisations/${partner.id}/trading-partner`).send(partner.profile).expect(200);
    }
  });
  afterAll(async () => {
    delete process.env.EDI_OUTBOX_INTERVAL_MS;
    delete process.env.EDI_MAX_DOCUMENT_BYTES;
    delete process.env.EDI_SUPPLIER_URL;
    delete process.env.EDI_PUSH_RETRY_BASE_MS;
    delete process.env.EDI_CARRIER_URL;
    await stack?.close();
  });

  const post = (partner: Partner, body: string, as = partner.id) =>
    stack.as(as, 'buyer').distributor.post('/edi/inbound').set('Content-Type', partner.mediaType).send(body);
  const ordersOf = async (buyerId: string) =>
    (await stack.db.query(`SELECT count(*)::int AS n FROM distributor.purchase_orders WHERE buyer_id = $1`, [buyerId])).rows[0].n as number;
  const inbound = async (partnerId: string) =>
    (await stack.db.query(`SELECT status, raw, order_ids FROM distributor.edi_documents WHERE partner_id = $1 AND direction = 'inbound' ORDER BY position`, [partnerId])).rows as Array<{ status: string; raw: string; order_ids: string[] }>;
  const outbox = async (partnerId: string) =>
    (await stack.as(partnerId, 'buyer').distributor.get('/edi/outbound').query({ limit: 200 }).expect(200)).body.items as Array<Record<string, string | number>>;

  /** The body as the text it was sent as, whatever its media type. */
  const textOf = (req: request.Test) =>
    req.buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => done(null, text));
    });

  describe.each(PARTNERS.map((p) => [p.profile.standard + ' ' + p.profile.version, p] as const))('a buyer speaking %s', (_name, partner) => {
    it('has its purchase order started, completed, and its documents sent back in order', async () => {
      const before = await ordersOf(partner.id);
      const answer = await post(partner, partner.document(1001, 'PO-1001', [{ sku: 'BOLT-M8', quantity: 100, price: '0.50' }, { sku: 'NUT-M8', quantity: 200, price: '0.20' }]));
      expect([200, 201]).toContain(answer.status);
      expect(await ordersOf(partner.id)).toBe(before + 1);
      const [received] = await inbound(partner.id);
      expect(received.status).toBe('accepted');
      const orderId = received.order_ids[0];
      if (partner.profile.standard === 'cxml') {
        expect(answer.type).toBe('text/xml');
        expect(answer.text).toContain('code="200"');
        expect(answer.text).toContain(orderId);
      } else {
        expect(answer.body.orders).toEqual([{ purchaseOrderNumber: 'PO-1001', transactionControlNumber: expect.any(String), orderId }]);
      }

      const handle = stack.temporal.workflow.getHandle(`order:${orderId}`);
      const confirmed = await eventually('the order confirmation', async () => {
        const view = await handle.query(orderViewQuery);
        return view.waitingFor.some((w) => w.kind === 'payment') ? view : undefined;
      });
      const order = (await stack.db.query(`SELECT "order" FROM distributor.purchase_orders WHERE order_id = $1`, [orderId])).rows[0].order;
      expect(order.lines).toEqual([
        { lineNo: 1, sku: 'BOLT-M8', quantity: 100, priceCeilingMinor: 50 },
        { lineNo: 2, sku: 'NUT-M8', quantity: 200, priceCeilingMinor: 20 },
      ]);
      const amountDue = confirmed.confirmation!.amountDue;
      await stack.as(partner.id, 'buyer').buyer.post(`/orders/${orderId}/payment-notice`).send(amountDue).expect(200);
      const final: OrderView = await handle.result();
      expect(final.status).toBe('completed');

      const items = await eventually('the invoice in the outbox', async () => {
        const listed = await outbox(partner.id);
        return listed.length >= partner.outbound.length ? listed : undefined;
      });
      expect(items.map((d) => d.documentType)).toEqual(partner.outbound);
      expect(items.every((d) => d.partnerId === partner.id && d.direction === 'outbound' && d.status === 'ready')).toBe(true);
      const contents: DocumentContent[] = [];
      const controls: string[] = [];
      for (const item of items) {
        const raw = await stack.as(partner.id, 'buyer').distributor.get(`/edi/outbound/${item.id}`).buffer(true).parse((res, done) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => done(null, text));
        }).expect(200);
        expect(raw.headers['x-edi-document-type']).toBe(item.documentType);
        const parsed = parseDocument(raw.body as string);
        expect(parsed.documentType).toBe(item.documentType);
        expect(parsed.interchange.controlNumber).toBe(item.interchangeControl);
        controls.push(String(item.interchangeControl));
        contents.push(...parsed.contents);
      }
      // Never reused: each document its own interchange control number.
      expect(new Set(controls).size).toBe(controls.length);
      const confirmation = contents.find((c): c is OrderResponseContent => c.type === 'order-response')!;
      expect(confirmation).toMatchObject({ purchaseOrderNumber: 'PO-1001', amountDueMinor: amountDue.amountMinor });
      expect(confirmation.lines.map((l) => [l.sku, l.quantityConfirmed])).toEqual([['BOLT-M8', 100], ['NUT-M8', 200]]);
      const invoice = contents.find((c): c is InvoiceContent => c.type === 'invoice')!;
      expect(invoice).toMatchObject({ purchaseOrderNumber: 'PO-1001', totalMinor: amountDue.amountMinor, currency: 'EUR' });
      expect(contents.some((c) => c.type === 'ship-notice' && c.purchaseOrderNumber === 'PO-1001')).toBe(true);

      // The partner takes a document; the auditor reads the order's documents, in and out.
      const acked = await stack.as(partner.id, 'buyer').distributor.post(`/edi/outbound/${items[0].id}/ack`).expect(200);
      expect(acked.body).toMatchObject({ id: items[0].id, status: 'acknowledged' });
      const audited = await stack.as('tradelane-audit').distributor.get('/edi/documents').query({ orderId }).expect(200);
      expect(audited.body.map((d: { direction: string; documentType: string }) => d.direction)[0]).toBe('inbound');
      expect(audited.body.filter((d: { direction: string }) => d.direction === 'outbound').map((d: { documentType: string }) => d.documentType)).toEqual(partner.outbound);
    });
  });

  it("shows the X12 850's order with its documents in and out in the auditors' timeline and its CSV, digests matching the stored documents", async () => {
    const [received] = await inbound(X12_4010.id);
    expect(received?.status).toBe('accepted'); // the order the X12 004010 buyer's first test completed
    const orderId = received.order_ids[0];
    const auditor = stack.as('tradelane-audit').distributor;
    const timeline: TimelineRow[] = (await auditor.get(`/audit/orders/${orderId}/timeline`).expect(200)).body;
    const messages: Array<{ seq: number }> = (await auditor.get(`/orders/${orderId}/messages`).expect(200)).body;
    // The log's entries as they were, in their order; the documents among them.
    expect(timeline.filter((e) => e.kind !== 'document').map((e) => e.seq)).toEqual(messages.map((m) => m.seq));
    const documents = timeline.filter((e) => e.kind === 'document');
    expect(documents.map((d) => `${d.document!.direction} ${d.name}`)).toEqual(['inbound X12 850', 'outbound X12 997', 'outbound X12 855', 'outbound X12 856', 'outbound X12 810']);
    expect(documents.every((d) => d.seq === null && d.step === null && d.coveredBy.length === 0)).toBe(true);
    const [order850, ack997] = documents;
    expect(order850).toMatchObject({
      actor: { role: 'buyer', id: X12_4010.id },
      to: { role: 'distributor', id: 'tradelane' },
      document: { standard: 'x12', version: '004010', documentType: '850', interchangeControl: '000001001', groupControl: '1001', transactionControl: '0001', status: 'accepted' },
    });
    expect(ack997).toMatchObject({ actor: { role: 'distributor', id: 'tradelane' }, to: { role: 'buyer', id: X12_4010.id }, document: { inReplyTo: order850.document!.id, status: 'acknowledged' } });
    const at = (pick: (e: TimelineRow) => boolean) => timeline.findIndex(pick);
    expect(at((e) => e === order850)).toBeLessThan(at((e) => e.name === 'purchase-order'));
    // Each document made from a log entry comes after it, and the times never go back.
    const sources = (await stack.db.query(`SELECT id, source_seq FROM distributor.edi_documents WHERE id = ANY($1)`, [documents.map((d) => d.document!.id)])).rows as Array<{ id: string; source_seq: number | null }>;
    for (const { id, source_seq } of sources.filter((r) => r.source_seq !== null)) {
      expect(at((e) => e.document?.id === id)).toBeGreaterThan(at((e) => e.seq === source_seq));
    }
    expect(sources.filter((r) => r.source_seq !== null)).toHaveLength(3);
    const times = documents.map((d) => Date.parse(d.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    for (const d of documents) {
      const raw = await textOf(auditor.get(`/edi/documents/${d.document!.id}`).expect(200));
      expect(raw.headers['x-edi-direction']).toBe(d.document!.direction);
      expect(createHash('sha256').update(raw.body as string, 'utf8').digest('hex')).toBe(d.digest);
      const stored = (await stack.db.query(`SELECT raw, content_sha256 FROM distributor.edi_documents WHERE id = $1`, [d.document!.id])).rows[0];
      expect([raw.body, d.digest]).toEqual([stored.raw, stored.content_sha256]);
    }
    // Another partner does not read this buyer's documents.
    await stack.as(EDIFACT.id, 'buyer').distributor.get(`/edi/documents/${order850.document!.id}`).expect(404);

    const csv = await auditor.get(`/audit/orders/${orderId}/timeline.csv`).expect(200);
    const [header, ...rows] = csvRows(csv.text);
    const column = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r[column('kind')])).toEqual(timeline.map((e) => e.kind));
    const documentRows = rows.filter((r) => r[column('kind')] === 'document');
    expect(documentRows.map((r) => [r[column('seq')], r[column('name')], r[column('actorId')], r[column('toId')], r[column('digest')], r[column('coveredBy')]])).toEqual(
      documents.map((d) => ['', d.name, d.actor.id, d.to.id, d.digest, '']),
    );
    for (const [i, r] of documentRows.entries()) expect(r[column('summary')]).toContain(`document ${documents[i].document!.id}`);
  });

  describe('refuses bad documents with the standard\'s rejection, starting nothing and keeping the document', () => {
    const refused = async (partner: Partner, body: string, status: number, as = partner.id) => {
      const before = await ordersOf(as);
      const storedBefore = (await inbound(as)).length;
      const answer = await post(partner, body, as).expect(status);
      expect(await ordersOf(as)).toBe(before);
      const stored = await inbound(as);
      expect(stored).toHaveLength(storedBefore + 1);
      expect(stored.at(-1)).toMatchObject({ raw: body, order_ids: [] });
      expect(['rejected', 'refused']).toContain(stored.at(-1)!.status);
      return answer;
    };
    const x12 = (o: Partial<X12Options>) => x12Order({ version: '004010', sender: 'EDIBUYER4010', control: 2001, po: 'PO-2001', lines: [{ sku: 'BOLT-M8', quantity: 10 }], ...o });
    const rejection = (text: string) => parseDocument(text).contents.find((c) => c.type === 'acknowledgment');

    it('a broken envelope', async () => {
      const broken = x12({ control: 2002 }).replace(/^ISA\*00\*/, 'ISA*00');
      const answer = await refused(X12_4010, broken, 422);
      expect(answer.text.length).toBeGreaterThan(0);
    });

    it('wrong segment counts: a 997 that rejects the transaction', async () => {
      const answer = await refused(X12_4010, x12({ control: 2003, se01Delta: 2 }), 422);
      expect(answer.type).toBe('application/edi-x12');
      expect(rejection(answer.text)).toMatchObject({ accepted: false, group: { controlNumber: '2003' }, transactions: [expect.objectContaining({ accepted: false })] });
      const ack = await eventually('the 997 in the outbox', async () => {
        const listed = await outbox(X12_4010.id);
        return listed.find((d) => d.documentType === '997' && d.status === 'ready' && d.orderId === null);
      });
      expect(ack).toBeDefined();
    });

    it('wrong counts in EDIFACT: a CONTRL', async () => {
      const answer = await refused(EDIFACT, edifactOrder({ sender: 'EDIBUYEREDI', control: 2004, po: 'PO-2004', lines: [{ sku: 'BOLT-M8', quantity: 10 }], untDelta: 3 }), 422);
      expect(answer.type).toBe('application/edifact');
      expect(rejection(answer.text)).toMatchObject({ accepted: false });
    });

    it('an envelope naming another partner', async () => {
      const answer = await refused(X12_4010, x12({ control: 2005, sender: 'SOMEONEELSE' }), 403);
      // A TA1 refusing the interchange itself: 006, invalid interchange sender id.
      expect(answer.text).toMatch(/TA1\*000002005\*\d{6}\*\d{4}\*R\*006~/);
    });

    it('a caller without a trading-partner profile', async () => {
      const answer = await refused(X12_4010, x12({ control: 2006 }), 403, 'muster-maschinenbau');
      expect(answer.body).toMatchObject({ type: 'urn:tradelane:problem:no-trading-partner', status: 403 });
    });

    it('an unknown SKU: the 997 rejects the PO1 and the order is not started', async () => {
      const answer = await refused(X12_4010, x12({ control: 2007, lines: [{ sku: 'BOLT-M8', quantity: 1 }, { sku: 'NO-SUCH-SKU', quantity: 1 }] }), 422);
      // AK3 at the second PO1, AK4 at its product id (PO107) with code 7 and the value.
      expect(rejection(answer.text)).toMatchObject({
        accepted: false,
        transactions: [expect.objectContaining({ accepted: false, errors: [expect.objectContaining({ segmentId: 'PO1', elementPosition: 7, code: '7', value: 'NO-SUCH-SKU' })] })],
      });
    });

    it('two purchase orders in one interchange, one with an unknown SKU: the other is taken, the 997 rejects the one', async () => {
      const before = await ordersOf(X12_4010.id);
      const answer = await post(
        X12_4010,
        x12Interchange({ version: '004010', sender: 'EDIBUYER4010', control: 2012, po: '', lines: [] }, [
          { po: 'PO-2012-A', lines: [{ sku: 'BOLT-M8', quantity: 5 }] },
          { po: 'PO-2012-B', lines: [{ sku: 'NO-SUCH-SKU', quantity: 5 }] },
        ]),
      ).expect(201);
      expect(answer.body.orders).toEqual([expect.objectContaining({ purchaseOrderNumber: 'PO-2012-A', transactionControlNumber: '0001' })]);
      expect(answer.body.refused).toEqual([{ transactionControlNumber: '0002', reason: expect.stringContaining('NO-SUCH-SKU') }]);
      expect(await ordersOf(X12_4010.id)).toBe(before + 1);
      const ack = await eventually('the 997 of the interchange', async () => {
        const listed = await outbox(X12_4010.id);
        return listed.find((d) => d.documentType === '997' && d.orderId === answer.body.orders[0].orderId);
      });
      const raw = (await stack.db.query(`SELECT raw FROM distributor.edi_documents WHERE id = $1`, [ack.id])).rows[0].raw;
      expect(rejection(raw)).toMatchObject({
        group: { controlNumber: '2012' },
        transactions: [expect.objectContaining({ controlNumber: '0001', accepted: true }), expect.objectContaining({ controlNumber: '0002', accepted: false })],
      });
    });

    it('an unknown SKU in cXML: a Response 400 naming it', async () => {
      const answer = await refused(CXML, cxmlOrder({ identity: 'EDIBUYERCXML', secret: SECRET, payloadId: '2008.bad@edibuyercxml', po: 'PO-2008', lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] }), 422);
      expect(answer.text).toContain('code="400"');
      expect(answer.text).toContain('NO-SUCH-SKU');
    });

    it('a wrong cXML SharedSecret: 401', async () => {
      const answer = await refused(CXML, cxmlOrder({ identity: 'EDIBUYERCXML', secret: 'not-the-secret-at-all', payloadId: '2009.bad@edibuyercxml', po: 'PO-2009', lines: [{ sku: 'BOLT-M8', quantity: 1 }] }), 401);
      expect(answer.text).toContain('code="401"');
    });

    it('a document larger than the mailbox reads: 413', async () => {
      const lines = Array.from({ length: 3000 }, (_, i) => ({ sku: 'BOLT-M8', quantity: i + 1 }));
      const big = x12({ control: 2010, lines });
      expect(big.length).toBeGreaterThan(MAX_DOCUMENT_BYTES);
      await refused(X12_4010, big, 413);
      // Far beyond it, the body is not even read: a problem, and nothing to keep.
      const huge = 'x'.repeat(MAX_DOCUMENT_BYTES * 5);
      await post(X12_4010, huge).expect(413);
    });

    it('a NUL character: 400 naming the body (PostgreSQL text cannot keep it)', async () => {
      const before = await ordersOf(X12_4010.id);
      const answer = await post(X12_4010, x12({ control: 2013 }).replace('BEG*', 'BEG\u0000*')).expect(400);
      expect(answer.body.errors).toEqual([{ field: 'body', message: 'must not contain NUL characters' }]);
      expect(await ordersOf(X12_4010.id)).toBe(before);
    });

    it('a resend is answered as the first time; other content under the same control number is refused', async () => {
      const first = x12({ control: 2011, po: 'PO-2011' });
      const before = await ordersOf(X12_4010.id);
      const taken = await post(X12_4010, first).expect(201);
      const again = await post(X12_4010, first).expect(200);
      expect(again.body).toEqual(taken.body);
      expect(await ordersOf(X12_4010.id)).toBe(before + 1);
      const stored = await inbound(X12_4010.id);
      expect(stored.slice(-2).map((d) => d.status)).toEqual(['accepted', 'duplicate']);
      const other = await refused(X12_4010, x12({ control: 2011, po: 'PO-2011', shipToName: 'Somewhere else' }), 409);
      expect(other.body).toMatchObject({ type: 'urn:tradelane:problem:control-number-reused' });
    });
  });

  it("takes a supplier's 855 as its stock answer and a carrier's 990 as its acceptance, through their own APIs", async () => {
    // The distributor passes these on over HTTP: the supplier's and the carrier's APIs listen here.
    for (const [party, variable] of [['supplier', 'EDI_SUPPLIER_URL'], ['carrier', 'EDI_CARRIER_URL']] as const) {
      await stack.apps[party].listen(0, '127.0.0.1');
      process.env[variable] = await stack.apps[party].getUrl();
    }
    const ours = { x12: { qualifier: 'ZZ', id: 'TRADELANE', groupId: 'TRADELANE' }, edifact: { id: 'TRADELANE', qualifier: 'ZZZ' }, cxml: { domain: 'NetworkID', identity: 'TRADELANE' } };
    const x12Of = (isaId: string): PartnerSyntax => ({ standard: 'x12', version: '004010', identity: { qualifier: 'ZZ', id: isaId, groupId: isaId } });
    const ops = stack.as('tradelane-ops').distributor;
    const isaIds: Record<string, string> = { 'acme-steel': 'ACMESTEEL', 'rhein-freight': 'RHEINFREIGHT', 'baltic-lines': 'BALTICLINES' };
    for (const [id, isaId] of Object.entries(isaIds)) {
      const documents = id === 'acme-steel' ? ['stock-inquiry', 'acknowledgment'] : ['load-tender', 'acknowledgment'];
      await ops.put(`/organisations/${id}/trading-partner`).send({ standard: 'x12', version: '004010', x12: { isaQualifier: 'ZZ', isaId, gsId: isaId }, documents }).expect(200);
    }
    await stack.db.query(`UPDATE supplier.suppliers SET answer_mode = 'manual' WHERE id = 'acme-steel'`);
    await stack.db.query(`UPDATE carrier.carriers SET answer_mode = 'manual'`);
    try {
      const buyer = stack.as('muster-maschinenbau');
      const submitted = await buyer.distributor.post('/purchase-orders').send(purchaseOrder([{ sku: 'NUT-M8', quantity: 50 }])).expect(201);
      const orderId: string = submitted.body.orderId;
      const rawOf = async (partnerId: string, type: string) => {
        const doc = await eventually(`the ${type} to ${partnerId}`, async () => (await outbox(partnerId)).find((d) => d.documentType === type && d.orderId === orderId));
        return (await stack.db.query(`SELECT raw FROM distributor.edi_documents WHERE id = $1`, [doc.id])).rows[0].raw as string;
      };

      // The supplier reads its stock inquiry as an 850 and answers it with an 855.
      const inquiry = parseDocument(await rawOf('acme-steel', '850')).contents[0] as StockInquiryContent;
      expect(inquiry).toMatchObject({ type: 'stock-inquiry', orderId, lines: [{ sku: 'NUT-M8', quantity: 50 }] });
      const answer855 = buildAsPartner(
        {
          type: 'stock-answer',
          reference: inquiry.reference,
          inquiryId: inquiry.inquiryId,
          date: isoDate(new Date()),
          currency: 'EUR',
          lines: inquiry.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, available: true, quantityCommitted: l.quantity, unitPriceMinor: 12, shipFrom: { code: 'DE-HAM', country: 'DE' }, readyDate: addDays(isoDate(new Date()), 2) })),
        },
        x12Of('ACMESTEEL'),
        ours,
        { interchange: 7001, group: 7001, transaction: 1 },
      ).raw;
      const answered = await stack.as('acme-steel', 'supplier').distributor.post('/edi/inbound').set('Content-Type', 'application/edi-x12').send(answer855).expect(201);
      expect(answered.body.answered).toEqual([{ transactionControlNumber: expect.any(String), subjectId: inquiry.inquiryId, orderId }]);
      const stockAnswers = await eventually('the stock answer in the order log', async () => {
        const rows = (await stack.db.query(`SELECT payload FROM distributor.order_messages WHERE order_id = $1 AND name = 'stock-answer'`, [orderId])).rows;
        return rows.length > 0 ? rows : undefined;
      });
      // The supplier's own API took it as from the supplier's key, committing what the 855 said.
      expect(stockAnswers.map((r: { payload: { answeredBy: string; lines: Array<{ quantityCommitted: number }> } }) => [r.payload.answeredBy, r.payload.lines[0].quantityCommitted])).toEqual([['api-key:test', 50]]);

      // People at both carriers quote; the carrier booked reads its transport notice as a 204 and accepts it with a 990.
      const inquiries = await eventually('the shipping inquiries', async () => {
        const rows = (await stack.db.query(`SELECT inquiry_id AS id, carrier_id AS carrier FROM carrier.shipping_inquiries WHERE order_id = $1`, [orderId])).rows;
        return rows.length >= 2 ? (rows as Array<{ id: string; carrier: string }>) : undefined;
      });
      for (const { id, carrier } of inquiries) await stack.as(carrier, 'carrier').carrier.post(`/shipping-inquiries/${id}/quote`).send({}).expect(200);
      const booked = await eventually('a load tender', async () => {
        for (const carrier of ['rhein-freight', 'baltic-lines']) {
          const tender = (await outbox(carrier)).find((d) => d.documentType === '204' && d.orderId === orderId);
          if (tender) return { carrier, id: tender.id as string };
        }
        return undefined;
      });
      const tenderRaw = (await stack.db.query(`SELECT raw FROM distributor.edi_documents WHERE id = $1`, [booked.id])).rows[0].raw as string;
      const tender = parseDocument(tenderRaw).contents[0] as LoadTenderContent;
      expect(tender).toMatchObject({ type: 'load-tender', orderId });
      const response990 = buildAsPartner(
        { type: 'load-tender-response', noticeId: tender.shipmentId, carrierScac: tender.carrierScac, date: isoDate(new Date()), decision: 'accepted' },
        x12Of(isaIds[booked.carrier]),
        ours,
        { interchange: 7002, group: 7002, transaction: 1 },
      ).raw;
      const accepted = await stack.as(booked.carrier, 'carrier').distributor.post('/edi/inbound').set('Content-Type', 'application/edi-x12').send(response990).expect(201);
      expect(accepted.body.answered).toEqual([{ transactionControlNumber: expect.any(String), subjectId: tender.shipmentId, orderId }]);

      const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);
      const confirmed = await eventually('the order confirmation', async () => {
        const view = await handle.query(orderViewQuery);
        return view.waitingFor.some((w) => w.kind === 'payment') ? view : undefined;
      });
      await buyer.buyer.post(`/orders/${orderId}/payment-notice`).send(confirmed.confirmation!.amountDue).expect(200);
      expect((await handle.result()).status).toBe('completed');
      const acceptance = await stack.db.query(`SELECT accepted_by FROM carrier.transport_notices WHERE notice_id = $1`, [tender.shipmentId]);
      expect(acceptance.rows).toEqual([{ accepted_by: 'api-key:test' }]);
    } finally {
      await answerAutomatically(stack);
    }
  });

  it("pushes outbound documents to the partner's URL, trying again after a failure", async () => {
    const received: Array<{ type: string; id: string; body: string }> = [];
    let refuseNext = true;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ type: String(req.headers['x-edi-document-type']), id: String(req.headers['x-edi-document-id']), body });
        res.statusCode = refuseNext ? 503 : 200;
        refuseNext = false;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const id = 'edi-buyer-push';
      const ops = stack.as('tradelane-ops').distributor;
      await ops.post('/organisations').send({ id, role: 'buyer', name: id }).expect(201);
      const pushUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inbox`;
      await ops.put(`/organisations/${id}/trading-partner`).send({ standard: 'x12', version: '004010', x12: { isaQualifier: 'ZZ', isaId: 'EDIBUYERPUSH', gsId: 'EDIBUYERPUSH' }, documents: ['acknowledgment'], pushUrl }).expect(200);
      const partner: Partner = { ...X12_4010, id };
      await post(partner, x12Order({ version: '004010', sender: 'EDIBUYERPUSH', control: 3001, po: 'PO-3001', lines: [{ sku: 'BOLT-M8', quantity: 1 }] })).expect(201);
      const ack = await eventually('the 997 delivered', async () => {
        const rows = (await stack.db.query(`SELECT id, raw, push_attempts, pushed_at FROM distributor.edi_documents WHERE partner_id = $1 AND direction = 'outbound'`, [id])).rows;
        return rows[0]?.pushed_at ? rows[0] : undefined;
      });
      // Refused once (503), delivered on the second try, as stored.
      expect(ack.push_attempts).toBe(2);
      expect(received.map((r) => [r.type, r.id])).toEqual([['997', ack.id], ['997', ack.id]]);
      expect(received[1].body).toBe(ack.raw);
      const listed = (await outbox(id))[0];
      expect(listed.pushedAt).not.toBeNull();
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('publishes the mailbox in the OpenAPI document with its media types, for the fuzz run', async () => {
    const doc = (await stack.http.distributor.get('/docs/openapi.json').expect(200)).body;
    const inbound = doc.paths['/edi/inbound'].post;
    expect(Object.keys(inbound.requestBody.content).sort()).toEqual(['application/edi-x12', 'application/edifact', 'application/xml', 'text/plain', 'text/xml']);
    expect(inbound.requestBody.content['application/edi-x12'].schema).toEqual({ type: 'string', minLength: 1, maxLength: MAX_DOCUMENT_BYTES, pattern: '^[^\\u0000]*$' });
    for (const status of ['401', '403', '409', '413', '422']) {
      expect(Object.keys(inbound.responses[status].content).sort()).toEqual(['application/edi-x12', 'application/edifact', 'application/problem+json', 'text/xml']);
    }
    expect(Object.keys(inbound.responses['200'].content).sort()).toEqual(['application/json', 'text/xml']);
    expect(Object.keys(doc.paths['/edi/outbound/{id}'].get.responses['200'].content).sort()).toEqual(['application/edi-x12', 'application/edifact', 'text/xml']);
    expect(doc.paths['/edi/documents'].get.responses['404']).toBeDefined();
  });

  it('keeps profiles to operators and checks them, never showing the cXML secret', async () => {
    const ops = stack.as('tradelane-ops').distributor;
    const shown = await stack.as('tradelane-audit').distributor.get(`/organisations/${CXML.id}/trading-partner`).expect(200);
    expect(shown.body.cxml).toEqual({ domain: 'NetworkID', identity: 'EDIBUYERCXML', hasSharedSecret: true });
    expect(JSON.stringify(shown.body)).not.toContain(SECRET);
    const stored = (await stack.db.query(`SELECT * FROM distributor.trading_partners WHERE organisation_id = $1`, [CXML.id])).rows[0];
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    const bad = await ops.put(`/organisations/${X12_4010.id}/trading-partner`).send({ ...X12_4010.profile, version: 'D96A' }).expect(422);
    expect(bad.body.errors).toEqual([{ field: 'version', message: 'is not a version of x12 spoken here' }]);
    const noIds = await ops.put(`/organisations/${X12_4010.id}/trading-partner`).send({ standard: 'x12', version: '004010', documents: [] }).expect(422);
    expect(noIds.body.errors).toEqual([{ field: 'x12', message: 'is required for standard x12' }]);
    const badIsa = await ops.put(`/organisations/${X12_4010.id}/trading-partner`).send({ ...X12_4010.profile, x12: { isaQualifier: 'ZZ', isaId: 'WAY-TOO-LONG-FOR-ISA06', gsId: 'X1' } }).expect(400);
    expect(badIsa.body.errors.map((e: { field: string }) => e.field)).toEqual(['x12.isaId']);
    const outside = await ops.put(`/organisations/${X12_4010.id}/trading-partner`).send({ ...X12_4010.profile, pushUrl: 'https://edi.example.com/inbox' }).expect(422);
    expect(outside.body.errors.map((e: { field: string }) => e.field)).toEqual(['pushUrl']);
    await ops.put('/organisations/no-such-organisation/trading-partner').send(X12_4010.profile).expect(404);
    await stack.as(X12_4010.id, 'buyer').distributor.put(`/organisations/${X12_4010.id}/trading-partner`).send(X12_4010.profile).expect(403);
  });
});
