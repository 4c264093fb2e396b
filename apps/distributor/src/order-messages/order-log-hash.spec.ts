import { createHash } from 'node:crypto';
import { canonicalJson, entryHash, payloadDigest } from './order-log-hash';

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('is the same for a payload as for its jsonb round trip (keys reordered, whitespace gone)', () => {
    const sent = { lines: [{ sku: 'NUT-M8', quantity: 400 }], amount: { currency: 'EUR', amountMinor: 12345 } };
    const readBack = JSON.parse('{"amount": {"amountMinor": 12345, "currency": "EUR"}, "lines": [{"quantity": 400, "sku": "NUT-M8"}]}');
    expect(canonicalJson(readBack)).toBe(canonicalJson(sent));
  });

  it('writes undefined array items as null, as JSON does', () => {
    expect(canonicalJson([1, undefined, 'ü"'])).toBe('[1,null,"ü\\""]');
  });
});

describe('entry hash', () => {
  const entry = {
    orderId: '7f3c2a10-9d3e-4c55-8f67-0a1b2c3d4e5f',
    seq: 2,
    step: 2,
    name: 'stock-inquiry',
    sender: { role: 'distributor', id: 'tradelane' },
    receiver: { role: 'supplier', id: 'acme-steel' },
    sentAt: '2026-11-25T10:00:00.000Z',
    payload: { inquiryId: 'i-1', lines: [] },
  };

  it('is sha256 hex of the previous hash, a newline and the canonical content', () => {
    const expected = createHash('sha256')
      .update(
        'abc\n{"name":"stock-inquiry","orderId":"7f3c2a10-9d3e-4c55-8f67-0a1b2c3d4e5f","payload":{"inquiryId":"i-1","lines":[]},' +
          '"receiver":{"id":"acme-steel","role":"supplier"},"sender":{"id":"tradelane","role":"distributor"},' +
          '"sentAt":"2026-11-25T10:00:00.000Z","seq":2,"step":2}',
      )
      .digest('hex');
    expect(entryHash('abc', entry)).toBe(expected);
  });

  it('changes with the previous hash and with any field of the content', () => {
    const base = entryHash('abc', entry);
    expect(entryHash(null, entry)).not.toBe(base);
    expect(entryHash('abd', entry)).not.toBe(base);
    expect(entryHash('abc', { ...entry, payload: { inquiryId: 'i-2', lines: [] } })).not.toBe(base);
    expect(entryHash('abc', { ...entry, sentAt: '2026-11-25T10:00:00.001Z' })).not.toBe(base);
    expect(entryHash('abc', { ...entry, receiver: { role: 'supplier', id: 'nordic-parts' } })).not.toBe(base);
  });

  it('ignores anything besides the hashed fields (the stored hashes themselves)', () => {
    expect(entryHash('abc', { ...entry, hash: 'x', prevHash: 'y' } as typeof entry)).toBe(entryHash('abc', entry));
  });

  it('digests a payload by its canonical JSON', () => {
    expect(payloadDigest({ b: 2, a: 1 })).toBe(createHash('sha256').update('{"a":1,"b":2}').digest('hex'));
  });
});
