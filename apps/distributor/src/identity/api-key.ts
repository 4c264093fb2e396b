import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key reads `tl_<key id>_<secret>`: the id finds the stored hash, the secret is checked
 * against it. Secrets are 256 random bits, so a plain SHA-256 is enough (no password stretching).
 */
const FORMAT = /^tl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  id: string;
  apiKey: string;
  secretSha256: string;
}

export function newApiKey(): NewApiKey {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, apiKey: `tl_${id}_${secret}`, secretSha256: sha256(secret) };
}

export function parseApiKey(apiKey: string): { id: string; secretSha256: string } | undefined {
  const match = FORMAT.exec(apiKey);
  return match ? { id: match[1], secretSha256: sha256(match[2]) } : undefined;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
