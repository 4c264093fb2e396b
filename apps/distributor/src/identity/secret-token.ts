import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer secrets the platform hands out (API keys, sign-in sessions) read `<prefix>_<id>_<secret>`:
 * the 16-hex id finds the stored hash, the secret (256 random bits) is checked against it. With
 * that much entropy a plain SHA-256 is enough; no password stretching.
 */
export interface NewSecretToken {
  id: string;
  token: string;
  secretSha256: string;
}

export interface PresentedSecretToken {
  id: string;
  secretSha256: string;
}

export function secretTokenFormat(prefix: string) {
  const format = new RegExp(`^${prefix}_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$`);
  return {
    make(): NewSecretToken {
      const id = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      return { id, token: `${prefix}_${id}_${secret}`, secretSha256: sha256(secret) };
    },
    parse(token: string): PresentedSecretToken | undefined {
      const match = format.exec(token);
      return match ? { id: match[1], secretSha256: sha256(match[2]) } : undefined;
    },
  };
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
