import { generateKeyPairSync } from 'node:crypto';
import { AccessTokenIssuer, AccessTokenVerifier, InvalidToken } from './access-token';

describe('access tokens', () => {
  const keys = generateKeyPairSync('ed25519');
  const caller = {
    organisationId: 'muster-maschinenbau',
    role: 'buyer' as const,
    credentialId: '0123456789abcdef',
    actor: 'anna.berg@muster.example',
    personId: 'p-anna',
    personRole: 'member' as const,
  };
  let now = Date.parse('2026-11-25T12:00:00Z');
  const clock = () => now;
  const issuer = new AccessTokenIssuer(keys.privateKey, 300, clock);
  const verifier = new AccessTokenVerifier([keys.publicKey], clock);

  it('carries the organisation, role, credential and acting person it was issued for', () => {
    expect(verifier.verify(issuer.issue(caller).token)).toEqual(caller);
  });

  it('lapses after its lifetime, which is how a revoked key stops working', () => {
    const { token } = issuer.issue(caller);
    now += 300_000;
    expect(verifier.verify(token)).toEqual(caller);
    now += 10_000;
    expect(() => verifier.verify(token)).toThrow(new InvalidToken('token expired'));
  });

  it('refuses a token whose claims were changed, or signed by a key it does not trust', () => {
    const { token } = issuer.issue(caller);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'operator' })).toString('base64url');
    expect(() => verifier.verify(`${header}.${promoted}.${signature}`)).toThrow('bad token signature');

    const stranger = new AccessTokenIssuer(generateKeyPairSync('ed25519').privateKey, 300, clock);
    expect(() => verifier.verify(stranger.issue(caller).token)).toThrow('unknown key');
    expect(() => verifier.verify('not.a.token')).toThrow(InvalidToken);
    expect(() => verifier.verify('nonsense')).toThrow(InvalidToken);
  });

  it('trusts every key it is given, so the signing key can be rotated', () => {
    const next = generateKeyPairSync('ed25519');
    const both = AccessTokenVerifier.fromPem(
      [keys.publicKey, next.publicKey].map((k) => k.export({ type: 'spki', format: 'pem' })).join('\n'),
    );
    expect(both.verify(new AccessTokenIssuer(next.privateKey, 300).issue(caller).token).role).toBe('buyer');
    expect(both.verify(new AccessTokenIssuer(keys.privateKey, 300).issue(caller).token).role).toBe('buyer');
  });
});
