import { decodeOrderCursor, encodeOrderCursor } from './order-cursor';

const orderId = '5f0c6d3e-2b1a-4c8e-9f00-1234567890ab';

describe('order list cursors', () => {
  it('decode to what was encoded, for the same sort', () => {
    const cursor = { sort: '-createdAt' as const, key: '2030-01-02T10:00:00.123456Z', orderId };
    expect(decodeOrderCursor(encodeOrderCursor(cursor), '-createdAt')).toEqual(cursor);
    const wanted = { sort: 'wantedBy' as const, key: '2030-01-31', orderId };
    expect(decodeOrderCursor(encodeOrderCursor(wanted), 'wantedBy')).toEqual(wanted);
  });

  it('refuse garbage, a tampered key and another sort with a 422 naming cursor', () => {
    const fieldsOf = (text: string, sort: '-createdAt' | 'wantedBy' = '-createdAt') => {
      try {
        decodeOrderCursor(text, sort);
      } catch (e) {
        const body = (e as { getResponse(): { status: number; errors: { field: string }[] } }).getResponse();
        return `${body.status} ${body.errors.map((f) => f.field).join()}`;
      }
      return 'accepted';
    };
    const good = encodeOrderCursor({ sort: '-createdAt', key: '2030-01-02T10:00:00.123456Z', orderId });
    expect(fieldsOf('bm90IGpzb24')).toBe('422 cursor');
    expect(fieldsOf(Buffer.from('[1,2]').toString('base64url'))).toBe('422 cursor');
    expect(fieldsOf(Buffer.from(JSON.stringify({ s: '-createdAt', k: "x' OR 1=1", id: orderId })).toString('base64url'))).toBe('422 cursor');
    expect(fieldsOf(Buffer.from(JSON.stringify({ s: '-createdAt', k: '2030-01-02T10:00:00.123456Z', id: 'x' })).toString('base64url'))).toBe('422 cursor');
    expect(fieldsOf(good, 'wantedBy')).toBe('422 cursor');
    expect(fieldsOf(good)).toBe('accepted');
  });
});
