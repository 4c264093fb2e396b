import { buildAsPartner, parseInbound } from '../api';
import type { ParseResult, Rejection } from '../documents';
import { purchaseOrderContent } from '../testing/messages';
import { CXML_BUYER, OURS } from '../testing/partners';
import { attr, parseXml, path, text } from './xml';

const control = { interchange: 77, group: 1, transaction: 1 };
const good = () => buildAsPartner(purchaseOrderContent(), CXML_BUYER, OURS, control, { now: new Date('2026-12-01T10:30:00Z'), payloadId: 'p-1@buyer' }).raw;

function rejected(result: ParseResult): Rejection {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  return result.rejection;
}
const read = (raw: string) => rejected(parseInbound(raw, CXML_BUYER, OURS, { buyerId: 'muster-maschinenbau' }));
const statusOf = (r: Rejection) => path(parseXml(r.cxmlResponse!).cXML[0], 'Response', 'Status');
const status = (r: Rejection) => attr(statusOf(r), 'code');

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE cXML [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<cXML payloadID="x" timestamp="2026-12-01T10:30:00Z"><Header/><Request><OrderRequest><OrderRequestHeader orderID="&lol9;"/></OrderRequest></Request></cXML>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE cXML [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<cXML payloadID="x" timestamp="2026-12-01T10:30:00Z"><Header/><Request><OrderRequest><OrderRequestHeader orderID="&secret;"/></OrderRequest></Request></cXML>`;

describe('cXML requests that are refused, and the Response they are answered with', () => {
  it('the good one is taken', () => {
    expect(parseInbound(good(), CXML_BUYER, OURS).ok).toBe(true);
  });

  it('a billion-laughs document is refused before any entity is expanded (400, DOCTYPE)', () => {
    const started = Date.now();
    const r = read(BILLION_LAUGHS);
    expect(r).toMatchObject({ status: 400, field: 'DOCTYPE', reason: 'the document declares entities, which are not taken' });
    expect(status(r)).toBe('400');
    expect(r.cxmlResponse).not.toContain('lol');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an external entity is refused, nothing is read from the file system (400)', () => {
    const r = read(EXTERNAL_ENTITY);
    expect(r).toMatchObject({ status: 400, field: 'DOCTYPE' });
    expect(r.cxmlResponse).not.toMatch(/root:/);
  });

  it('an internal DTD subset without entities is refused too; a DOCTYPE naming the cXML DTD is fine', () => {
    expect(read(good().replace(/<!DOCTYPE cXML SYSTEM "[^"]+">/, '<!DOCTYPE cXML [ <!ELEMENT cXML ANY> ]>'))).toMatchObject({ status: 400, field: 'DOCTYPE' });
    expect(good()).toMatch(/<!DOCTYPE cXML SYSTEM "http:\/\/xml.cxml.org\/schemas\/cXML\/1.2.069\/cXML.dtd">/);
  });

  it('malformed XML: 400 naming the line', () => {
    const r = read(good().replace('</OrderRequestHeader>', '</OrderRequestHeadr>'));
    expect(r).toMatchObject({ status: 400, field: 'xml' });
    expect(r.reason).toMatch(/line \d+/);
  });

  it.each([
    ['a wrong shared secret', (x: string) => x.replace('<SharedSecret>abracadabra</SharedSecret>', '<SharedSecret>abracadabrA</SharedSecret>'), 'the shared secret is wrong or missing'],
    ['no shared secret', (x: string) => x.replace('<SharedSecret>abracadabra</SharedSecret>', ''), 'the shared secret is wrong or missing'],
    ['a Sender that is not the partner', (x: string) => x.replace('<Identity>AN01000000001</Identity>', '<Identity>AN09999999999</Identity>'), "the Sender credential is not this partner's"],
    ['a From that is not the partner', (x: string) => x.replace('<Identity>942888711</Identity>', '<Identity>111111111</Identity>'), "the From credential is not this partner's"],
  ])('%s: 401', (_name, mutate, reason) => {
    const r = read(mutate(good()));
    expect(r).toMatchObject({ status: 401, reason });
    expect(status(r)).toBe('401');
  });

  it('a To that is not us: 403', () => {
    const r = read(good().replace('<Identity>TRADELANE</Identity>', '<Identity>SOMEONE</Identity>'));
    expect(r).toMatchObject({ status: 403, field: 'Header/To/Credential' });
  });

  it.each([
    ['a cXML version other than 1.2', (x: string) => x.replace('cXML/1.2.069/cXML.dtd', 'cXML/1.1.010/cXML.dtd'), 'DOCTYPE'],
    ['a request other than OrderRequest', (x: string) => x.replace(/<OrderRequest>[\s\S]*<\/OrderRequest>/, '<ProfileRequest/>'), 'Request'],
    ['an order change (type update)', (x: string) => x.replace('type="new"', 'type="update"'), 'OrderRequestHeader@type'],
    ['no orderID', (x: string) => x.replace(' orderID="PO-4711"', ''), 'OrderRequestHeader@orderID'],
    ['a quantity that is not whole', (x: string) => x.replace('quantity="500"', 'quantity="2.5"'), 'ItemOut[1]@quantity'],
    ['a SKU the intake refuses', (x: string) => x.replace('<SupplierPartID>BOLT-M8</SupplierPartID>', '<SupplierPartID>bolt m8</SupplierPartID>'), 'ItemOut[1]/ItemID/SupplierPartID'],
    ['a price in another currency', (x: string) => x.replace('<Money currency="EUR">0.15</Money>', '<Money currency="USD">0.15</Money>'), 'ItemOut[1]/ItemDetail/UnitPrice/Money@currency'],
    ['a price finer than the currency', (x: string) => x.replace('<Money currency="EUR">0.15</Money>', '<Money currency="EUR">0.155</Money>'), 'ItemOut[1]/ItemDetail/UnitPrice/Money'],
    ['no ship-to', (x: string) => x.replace(/<ShipTo>[\s\S]*<\/ShipTo>/, ''), 'OrderRequestHeader/ShipTo'],
    ['a ship-to country that is not ISO alpha-2', (x: string) => x.replace(/isoCountryCode="DE"/g, 'isoCountryCode="DEU"'), 'OrderRequestHeader/ShipTo/Address/PostalAddress/Country@isoCountryCode'],
    ['no delivery date asked', (x: string) => x.replace(/ requestedDeliveryDate="[^"]+"/g, ''), 'ItemOut@requestedDeliveryDate'],
    ['a delivery date that is no day', (x: string) => x.replace(/requestedDeliveryDate="2026-12-15"/, 'requestedDeliveryDate="2026-02-30"'), 'ItemOut@requestedDeliveryDate'],
  ])('%s: 400 naming %s', (_name, mutate, field) => {
    const r = read(mutate(good()));
    expect(r).toMatchObject({ status: 400, field });
    expect(status(r)).toBe('400');
    expect(text(statusOf(r))).toBe(r.reason);
  });

  it('values stay text and only the predefined entities are decoded: 00123, &amp; and &#252;', () => {
    const raw = good().replace('<SupplierPartID>BOLT-M8</SupplierPartID>', '<SupplierPartID>00123</SupplierPartID>').replace('Muster Maschinenbau GmbH, Goods In', 'Muster &amp; S&#246;hne');
    const result = parseInbound(raw, CXML_BUYER, OURS);
    if (!result.ok) throw new Error(result.rejection.reason);
    const content = result.documents[0].content;
    expect(content.type === 'purchase-order' && [content.order.lines[0].sku, content.order.shipTo.name]).toEqual(['00123', 'Muster & Söhne']);
  });

  it('a document larger than the limit is answered 413 before it is parsed', () => {
    const r = rejected(parseInbound(good(), CXML_BUYER, OURS, { maxBytes: 500 }));
    expect(r.status).toBe(413);
    expect(status(r)).toBe('413');
  });
});
