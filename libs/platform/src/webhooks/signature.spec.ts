import { signWebhook, verifyWebhookSignature } from './signature';

const secret = 'x'.repeat(40);
const body = Buffer.from('{"eventId":"e1","amount":{"amountMinor":1234,"currency":"EUR"}}');
const now = 1_800_000_000;

describe('webhook signatures', () => {
  it('accepts what it signed, within the tolerance either side', () => {
    expect(verifyWebhookSignature(secret, signWebhook(secret, body, now), body, now, 300)).toEqual({ valid: true, timestamp: now });
    expect(verifyWebhookSignature(secret, signWebhook(secret, body, now - 300), body, now, 300).valid).toBe(true);
    expect(verifyWebhookSignature(secret, signWebhook(secret, body, now + 300), body, now, 300).valid).toBe(true);
  });

  it('signs the timestamp and the exact bytes of the body', () => {
    const header = signWebhook(secret, body, now);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verifyWebhookSignature(secret, header, reformatted, now, 300)).toEqual({ valid: false, reason: 'mismatch' });
    const v1 = header.split('v1=')[1];
    expect(verifyWebhookSignature(secret, `t=${now - 1},v1=${v1}`, body, now, 300)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifyWebhookSignature('y'.repeat(40), header, body, now, 300)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('refuses a stale or future timestamp even when the signature matches', () => {
    expect(verifyWebhookSignature(secret, signWebhook(secret, body, now - 301), body, now, 300)).toEqual({ valid: false, reason: 'stale' });
    expect(verifyWebhookSignature(secret, signWebhook(secret, body, now + 301), body, now, 300)).toEqual({ valid: false, reason: 'stale' });
  });

  it.each([undefined, ''])('refuses a missing header (%p)', (header) => {
    expect(verifyWebhookSignature(secret, header, body, now, 300)).toEqual({ valid: false, reason: 'missing' });
  });

  it.each(['garbage', `t=${now}`, 'v1=abc', `t=abc,v1=${'0'.repeat(64)}`, `t=${now},v1=zz`, `t=${now},v1=${'0'.repeat(63)}`])(
    'refuses a malformed or short header %p without throwing',
    (header) => {
      expect(verifyWebhookSignature(secret, header, body, now, 300).valid).toBe(false);
    },
  );

  it('accepts any one of several v1 values, as while a secret is rotated', () => {
    const good = signWebhook(secret, body, now).split('v1=')[1];
    expect(verifyWebhookSignature(secret, `t=${now},v1=${'0'.repeat(64)},v1=${good}`, body, now, 300).valid).toBe(true);
  });
});
