import { registerAs } from '@nestjs/config';
import { Contains, IsOptional, IsString } from 'class-validator';
import { WholeNumber, readEnvironment } from '../config/read-environment';

export class IdentityEnvironment {
  /** PEM text of every public key tokens may be signed with (or IDENTITY_PUBLIC_KEYS_FILE) */
  @Contains('BEGIN PUBLIC KEY', {
    message: 'must hold the PEM public key(s) access tokens are verified with (or set IDENTITY_PUBLIC_KEYS_FILE)',
  })
  IDENTITY_PUBLIC_KEYS: string;

  /** PEM text of the issuer's private key (or IDENTITY_SIGNING_KEY_FILE); only the distributor, which issues tokens, has it */
  @IsOptional()
  @Contains('PRIVATE KEY', { message: 'must hold the PEM private key access tokens are signed with (or set IDENTITY_SIGNING_KEY_FILE)' })
  IDENTITY_SIGNING_KEY?: string;

  /** The distributor's organisations and keys to register at start */
  @IsOptional()
  @IsString()
  IDENTITY_BOOTSTRAP_FILE?: string;

  @IsOptional()
  @WholeNumber(30, 86_400)
  IDENTITY_TOKEN_TTL_SECONDS?: number;

  /** requests per minute one organisation may make to one service */
  @IsOptional()
  @WholeNumber(1, 10_000_000)
  RATE_LIMIT_PER_MINUTE?: number;

  /** token requests per minute from one client address */
  @IsOptional()
  @WholeNumber(1, 10_000_000)
  RATE_LIMIT_TOKEN_PER_MINUTE?: number;

  /** how long a person's sign-in session lasts (default 8 h) */
  @IsOptional()
  @WholeNumber(60, 2_592_000)
  IDENTITY_SESSION_TTL_SECONDS?: number;

  /** wrong passwords in a row that lock a person's account (default 5) */
  @IsOptional()
  @WholeNumber(1, 1000)
  IDENTITY_LOCKOUT_ATTEMPTS?: number;

  /** how long a locked account stays locked (default 15 min) */
  @IsOptional()
  @WholeNumber(1, 86_400)
  IDENTITY_LOCKOUT_SECONDS?: number;
}

/** Secrets that may be mounted as files: `<VAR>_FILE` names the file when `<VAR>` is unset. */
const FROM_FILES = ['IDENTITY_PUBLIC_KEYS', 'IDENTITY_SIGNING_KEY'];

export const identityConfig = registerAs('identity', () => {
  const env = readEnvironment(IdentityEnvironment, process.env, { fromFiles: FROM_FILES });
  return {
    publicKeys: env.IDENTITY_PUBLIC_KEYS,
    signingKey: env.IDENTITY_SIGNING_KEY,
    bootstrapFile: env.IDENTITY_BOOTSTRAP_FILE,
    tokenLifetimeSeconds: env.IDENTITY_TOKEN_TTL_SECONDS ?? 300,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ?? 1200,
    tokenRateLimitPerMinute: env.RATE_LIMIT_TOKEN_PER_MINUTE ?? 30,
  };
});

export type IdentityConfig = ReturnType<typeof identityConfig>;

/** The people side of identity, which only the distributor (the issuer) reads: sessions and lock-out. */
export const signInConfig = registerAs('sign-in', () => {
  const env = readEnvironment(IdentityEnvironment, process.env, { fromFiles: FROM_FILES });
  return {
    sessionLifetimeSeconds: env.IDENTITY_SESSION_TTL_SECONDS ?? 8 * 3600,
    lockOut: { attempts: env.IDENTITY_LOCKOUT_ATTEMPTS ?? 5, seconds: env.IDENTITY_LOCKOUT_SECONDS ?? 15 * 60 },
  };
});

export type SignInConfig = ReturnType<typeof signInConfig>;
