import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { identityConfig } from '@tradelane/platform';

/**
 * A partner's cXML SharedSecret is compared with what its documents carry and written into the
 * ones Tradelane sends, so it is kept sealed (AES-256-GCM), not hashed, and never shown. The key
 * is EDI_SECRET_KEY (64 hex digits), else derived from the distributor's token signing key, which
 * is already its secret at rest: a new signing key means setting the partners' secrets again.
 */
let key: Buffer | undefined;

function sealingKey(): Buffer {
  if (key) return key;
  const given = process.env.EDI_SECRET_KEY;
  if (given) {
    if (!/^[0-9a-f]{64}$/i.test(given)) throw new Error('Invalid environment:\n  EDI_SECRET_KEY: must be 64 hexadecimal digits (32 bytes)');
    key = Buffer.from(given, 'hex');
  } else {
    const signingKey = identityConfig().signingKey;
    if (!signingKey) throw new Error('Invalid environment:\n  EDI_SECRET_KEY: needed to keep cXML shared secrets when IDENTITY_SIGNING_KEY is not set');
    key = Buffer.from(hkdfSync('sha256', signingKey, 'tradelane', 'edi cxml shared secrets', 32));
  }
  return key;
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

export function openSecret(sealed: string): string {
  const bytes = Buffer.from(sealed.replace(/^v1\./, ''), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
