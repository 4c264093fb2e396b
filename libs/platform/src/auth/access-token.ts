import { createHash, createPrivateKey, createPublicKey, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { ORGANISATION_ROLES, PERSON_ROLES, type Caller, type OrganisationRole, type PersonRole } from './roles';

/**
 * Short-lived access tokens: compact JWS (RFC 7515) with EdDSA/Ed25519. Only the issuer holds the
 * private key; every service verifies with the public key alone, so no service reads a shared table.
 */
export interface AccessTokenClaims {
  iss: 'tradelane';
  sub: string;
  role: OrganisationRole;
  cid: string;
  /** the acting person's e-mail, or api-key:<label> */
  act: string;
  /** the person's id, for a person's sign-in */
  pid?: string;
  prl: PersonRole;
  iat: number;
  exp: number;
  jti: string;
}

export class InvalidToken extends Error {}

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export class AccessTokenIssuer {
  private readonly kid: string;

  constructor(
    private readonly privateKey: KeyObject,
    readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 private key');
    this.kid = keyId(createPublicKey(privateKey));
  }

  static fromPem(pem: string, lifetimeSeconds: number): AccessTokenIssuer {
    return new AccessTokenIssuer(createPrivateKey(pem), lifetimeSeconds);
  }

  issue(subject: Caller): { token: string; claims: AccessTokenClaims } {
    const iat = Math.floor(this.now() / 1000);
    const claims: AccessTokenClaims = {
      iss: 'tradelane',
      sub: subject.organisationId,
      role: subject.role,
      cid: subject.credentialId,
      act: subject.actor,
      ...(subject.personId ? { pid: subject.personId } : {}),
      prl: subject.personRole,
      iat,
      exp: iat + this.lifetimeSeconds,
      jti: randomUUID(),
    };
    const signingInput = `${b64(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: this.kid }))}.${b64(JSON.stringify(claims))}`;
    const signature = sign(null, Buffer.from(signingInput), this.privateKey);
    return { token: `${signingInput}.${b64(signature)}`, claims };
  }
}

export class AccessTokenVerifier {
  private readonly keys = new Map<string, KeyObject>();

  /** Several public keys may be trusted at once, so the signing key can be rotated. */
  constructor(
    publicKeys: KeyObject[],
    private readonly now: () => number = Date.now,
    private readonly leewaySeconds = 5,
  ) {
    for (const key of publicKeys) {
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('identity public keys must be Ed25519 keys');
      this.keys.set(keyId(key), key);
    }
    if (this.keys.size === 0) throw new Error('at least one identity public key is needed');
  }

  static fromPem(pems: string): AccessTokenVerifier {
    const blocks = pems.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
    return new AccessTokenVerifier(blocks.map((pem) => createPublicKey(pem)));
  }

  verify(token: string): Caller {
    const parts = token.split('.');
    if (parts.length !== 3) throw new InvalidToken('not a signed token');
    const [header, payload, signature] = parts;
    const head = parseJson(header);
    if (head?.alg !== 'EdDSA' || typeof head.kid !== 'string') throw new InvalidToken('unsupported token');
    const key = this.keys.get(head.kid);
    if (!key) throw new InvalidToken('token signed by an unknown key');
    if (!verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))) {
      throw new InvalidToken('bad token signature');
    }
    const claims = parseJson(payload) as Partial<AccessTokenClaims> | undefined;
    const nowSeconds = Math.floor(this.now() / 1000);
    if (!claims || claims.iss !== 'tradelane' || typeof claims.sub !== 'string' || typeof claims.cid !== 'string') {
      throw new InvalidToken('malformed token claims');
    }
    if (!ORGANISATION_ROLES.includes(claims.role as OrganisationRole)) throw new InvalidToken('unknown role');
    if (typeof claims.act !== 'string' || claims.act === '' || !PERSON_ROLES.includes(claims.prl as PersonRole)) {
      throw new InvalidToken('the token names no acting person');
    }
    if (claims.pid !== undefined && typeof claims.pid !== 'string') throw new InvalidToken('malformed token claims');
    if (typeof claims.exp !== 'number' || claims.exp + this.leewaySeconds < nowSeconds) throw new InvalidToken('token expired');
    if (typeof claims.iat !== 'number' || claims.iat - this.leewaySeconds > nowSeconds) throw new InvalidToken('token not yet valid');
    return {
      organisationId: claims.sub,
      role: claims.role as OrganisationRole,
      credentialId: claims.cid,
      actor: claims.act,
      ...(claims.pid ? { personId: claims.pid } : {}),
      personRole: claims.prl as PersonRole,
    };
  }
}

function parseJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
