import { readFileSync } from 'node:fs';

export interface IdentityConfig {
  /** PEM text of every public key tokens may be signed with */
  publicKeys: string;
  /** PEM text of the issuer's private key; only the distributor, which issues tokens, has it */
  signingKey?: string;
  tokenLifetimeSeconds: number;
  /** requests per minute one organisation may make to one service */
  rateLimitPerMinute: number;
  /** token requests per minute from one client address */
  tokenRateLimitPerMinute: number;
}

function fail(variable: string, message: string): never {
  throw new Error(`Invalid environment:\n  ${variable}: ${message}`);
}

/** A value given inline (VAR) or as a file (VAR_FILE). */
function secretText(variable: string): string | undefined {
  const inline = process.env[variable];
  if (inline) return inline;
  const file = process.env[`${variable}_FILE`];
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    fail(`${variable}_FILE`, `cannot read ${file}`);
  }
}

function integer(variable: string, fallback: number, min: number, max: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) fail(variable, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function identityConfig(): IdentityConfig {
  const publicKeys = secretText('IDENTITY_PUBLIC_KEYS');
  if (!publicKeys?.includes('BEGIN PUBLIC KEY')) {
    fail('IDENTITY_PUBLIC_KEYS', 'must hold the PEM public key(s) access tokens are verified with (or set IDENTITY_PUBLIC_KEYS_FILE)');
  }
  return {
    publicKeys,
    signingKey: secretText('IDENTITY_SIGNING_KEY'),
    tokenLifetimeSeconds: integer('IDENTITY_TOKEN_TTL_SECONDS', 300, 30, 86_400),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 1200, 1, 10_000_000),
    tokenRateLimitPerMinute: integer('RATE_LIMIT_TOKEN_PER_MINUTE', 30, 1, 10_000_000),
  };
}
