import { createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { keyId } from '@tradelane/platform';
import { canonicalJson, sha256Hex } from '../../order-messages/order-log-hash';

/** An order's log head as a checkpoint holds it. */
export interface CheckpointHead {
  orderId: string;
  seq: number;
  hash: string;
}

/** What a checkpoint signs: every head that changed since the previous one, chained to it. */
export interface CheckpointContent {
  sequence: number;
  /** ISO 8601 with milliseconds */
  createdAt: string;
  /** the digest of checkpoint sequence - 1; null for the first */
  previousDigest: string | null;
  /** the id (as access tokens name it) of the Ed25519 key that signed */
  keyId: string;
  heads: CheckpointHead[];
}

export interface SignedCheckpoint extends CheckpointContent {
  /** sha256 hex of the canonical JSON of the content */
  digest: string;
  /** Ed25519 over the canonical JSON of the content, base64url */
  signature: string;
}

export type PublicJwk = JsonWebKey & { kid: string; alg: 'EdDSA'; use: 'sig' };

export const contentOf = (c: CheckpointContent): CheckpointContent => ({
  sequence: c.sequence,
  createdAt: c.createdAt,
  previousDigest: c.previousDigest,
  keyId: c.keyId,
  heads: c.heads.map((h) => ({ orderId: h.orderId, seq: h.seq, hash: h.hash })),
});

export const checkpointDigest = (c: CheckpointContent): string => sha256Hex(canonicalJson(contentOf(c)));

export function signCheckpoint(content: Omit<CheckpointContent, 'keyId'>, privateKey: KeyObject): SignedCheckpoint {
  const full = contentOf({ ...content, keyId: keyId(createPublicKey(privateKey)) });
  const signature = sign(null, Buffer.from(canonicalJson(full), 'utf8'), privateKey).toString('base64url');
  return { ...full, digest: checkpointDigest(full), signature };
}

export function publicJwk(key: KeyObject): PublicJwk {
  return { ...key.export({ format: 'jwk' }), kid: keyId(key), alg: 'EdDSA', use: 'sig' };
}

/** Every Ed25519 public key in PEM text, by key id (several while the signing key is rotated). */
export function publicKeysFromPem(pems: string): Map<string, KeyObject> {
  const blocks = pems.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  const keys = blocks.map((pem) => createPublicKey(pem)).filter((k) => k.asymmetricKeyType === 'ed25519');
  return new Map(keys.map((k) => [keyId(k), k]));
}

function signatureHolds(content: CheckpointContent, key: KeyObject, signature: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(content), 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    // a signature that is not even of Ed25519's form
    return false;
  }
}

export type ChainCheck = { ok: true } | { ok: false; checkpoint: number; reason: string };

/**
 * Each checkpoint's digest and signature, and its link to the one before: a checkpoint removed,
 * altered or made without the key shows. `startsAtFirst` says the list must begin at sequence 1
 * (the whole chain); an export begins where its order first appears.
 */
export function verifyCheckpointChain(checkpoints: SignedCheckpoint[], keys: Map<string, KeyObject>, startsAtFirst: boolean): ChainCheck {
  let previous: SignedCheckpoint | undefined;
  for (const checkpoint of checkpoints) {
    const fail = (reason: string): ChainCheck => ({ ok: false, checkpoint: checkpoint.sequence, reason });
    const content = contentOf(checkpoint);
    if (checkpointDigest(content) !== checkpoint.digest) return fail('digest does not match its content');
    const key = keys.get(checkpoint.keyId);
    if (!key) return fail(`signed with key ${checkpoint.keyId}, which is not a trusted public key`);
    if (!signatureHolds(content, key, checkpoint.signature)) return fail('signature does not verify');
    if (previous) {
      if (checkpoint.sequence !== previous.sequence + 1) {
        return fail(`checkpoint ${previous.sequence + 1} is missing (the one after ${previous.sequence} is ${checkpoint.sequence})`);
      }
      if (checkpoint.previousDigest !== previous.digest) return fail(`its previous digest is not that of checkpoint ${previous.sequence}`);
    } else if (startsAtFirst) {
      if (checkpoint.sequence !== 1) return fail(`checkpoints 1 to ${checkpoint.sequence - 1} are missing`);
      if (checkpoint.previousDigest !== null) return fail('the first checkpoint names a previous one');
    }
    previous = checkpoint;
  }
  return { ok: true };
}

/** The heads of one order in checkpoints whose chain was checked, each with its checkpoint. */
export const headsOf = (orderId: string, checkpoints: SignedCheckpoint[]) =>
  checkpoints.flatMap((c) => c.heads.filter((h) => h.orderId === orderId).map((h) => ({ seq: h.seq, hash: h.hash, orderId, checkpoint: c.sequence })));
