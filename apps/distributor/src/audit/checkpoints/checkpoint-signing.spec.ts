import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { keyId } from '@tradelane/platform';
import { headsOf, publicJwk, publicKeysFromPem, signCheckpoint, verifyCheckpointChain, type SignedCheckpoint } from './checkpoint-signing';

const a = '7f3c2a10-9d3e-4c55-8f67-0a1b2c3d4e5f';
const b = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
const hash = (c: string) => c.repeat(64);

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keys: new Map([[keyId(publicKey), publicKey]]) };
}

function chain(privateKey = keyPair().privateKey, n = 3): SignedCheckpoint[] {
  const out: SignedCheckpoint[] = [];
  for (let sequence = 1; sequence <= n; sequence++) {
    out.push(
      signCheckpoint(
        {
          sequence,
          createdAt: new Date(Date.UTC(2026, 11, 1, 10, sequence)).toISOString(),
          previousDigest: out.at(-1)?.digest ?? null,
          heads: [
            { orderId: a, seq: sequence * 2, hash: hash(String(sequence)) },
            ...(sequence === 2 ? [{ orderId: b, seq: 1, hash: hash('b') }] : []),
          ],
        },
        privateKey,
      ),
    );
  }
  return out;
}

describe('signed checkpoints', () => {
  it('verifies a chain signed with the key, naming the key id in each checkpoint', () => {
    const { privateKey, publicKey, keys } = keyPair();
    const checkpoints = chain(privateKey);
    expect(checkpoints.every((c) => c.keyId === keyId(publicKey))).toBe(true);
    expect(verifyCheckpointChain(checkpoints, keys, true)).toEqual({ ok: true });
    expect(headsOf(b, checkpoints)).toEqual([{ orderId: b, seq: 1, hash: hash('b'), checkpoint: 2 }]);
  });

  it('refuses a forged signature, a signature by another key, and content altered after signing', () => {
    const { privateKey, keys } = keyPair();
    const forged = chain(privateKey);
    forged[1] = { ...forged[1], signature: Buffer.alloc(64, 7).toString('base64url') };
    expect(verifyCheckpointChain(forged, keys, true)).toEqual({ ok: false, checkpoint: 2, reason: 'signature does not verify' });

    // Signed by someone else's key claiming the trusted key's id.
    const impostor = chain(keyPair().privateKey).map((c) => ({ ...c, keyId: [...keys.keys()][0] }));
    expect(verifyCheckpointChain(impostor, keys, true)).toMatchObject({ ok: false, checkpoint: 1 });

    const altered = chain(privateKey);
    altered[2] = { ...altered[2], heads: [{ orderId: a, seq: 6, hash: hash('f') }] };
    expect(verifyCheckpointChain(altered, keys, true)).toEqual({ ok: false, checkpoint: 3, reason: 'digest does not match its content' });
    const unknown = chain(keyPair().privateKey);
    expect(verifyCheckpointChain(unknown, keys, true)).toMatchObject({ ok: false, checkpoint: 1, reason: expect.stringContaining('not a trusted public key') });
  });

  it('shows a removed checkpoint, in the middle or at the start', () => {
    const { privateKey, keys } = keyPair();
    const checkpoints = chain(privateKey, 4);
    const middle = checkpoints.filter((c) => c.sequence !== 2);
    expect(verifyCheckpointChain(middle, keys, true)).toEqual({ ok: false, checkpoint: 3, reason: 'checkpoint 2 is missing (the one after 1 is 3)' });
    const start = checkpoints.slice(1);
    expect(verifyCheckpointChain(start, keys, true)).toEqual({ ok: false, checkpoint: 2, reason: 'checkpoints 1 to 1 are missing' });
    // An export begins where its order first appears.
    expect(verifyCheckpointChain(start, keys, false)).toEqual({ ok: true });
  });

  it('shows a checkpoint removed and the next ones renumbered and re-linked without the key', () => {
    const { privateKey, keys } = keyPair();
    const [first, , third] = chain(privateKey);
    const renumbered = { ...third, sequence: 2, previousDigest: first.digest };
    expect(verifyCheckpointChain([first, renumbered], keys, true)).toEqual({ ok: false, checkpoint: 2, reason: 'digest does not match its content' });
  });

  it('trusts every key while the signing key is rotated, and publishes each as a JWK with its id', () => {
    const old = keyPair();
    const current = keyPair();
    const pems = [old.publicKey, current.publicKey].map((k) => k.export({ type: 'spki', format: 'pem' }).toString()).join('\n');
    const trusted = publicKeysFromPem(pems);
    const older = chain(old.privateKey, 1);
    const newer = signCheckpoint({ sequence: 2, createdAt: '2026-12-01T11:00:00.000Z', previousDigest: older[0].digest, heads: [] }, current.privateKey);
    expect(verifyCheckpointChain([...older, newer], trusted, true)).toEqual({ ok: true });
    const jwk = publicJwk(current.publicKey);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: keyId(current.publicKey), alg: 'EdDSA', use: 'sig' });
    expect(keyId(createPublicKey({ key: jwk, format: 'jwk' }))).toBe(jwk.kid);
  });
});
