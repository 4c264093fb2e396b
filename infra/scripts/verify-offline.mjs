// Verifies an order-log bundle (`npm run audit -- export <orderId> --out bundle.json`) with the
// public key alone: no network, no database. Exits 0 when everything holds, 1 at the first thing
// that does not (printed), 2 on bad usage.
//
//   node infra/scripts/verify-offline.mjs --public-key <pem, jwk or jwks file> <bundle.json>
//
// It re-implements, on purpose without importing the services' code, what the distributor does:
// the entry hash (apps/distributor/src/order-messages/order-log-hash.ts) and the checkpoint digest
// and signature (apps/distributor/src/audit/checkpoints/checkpoint-signing.ts).
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const USAGE = 'usage: node infra/scripts/verify-offline.mjs --public-key <pem, jwk or jwks file> <bundle.json>';

/** JSON with every object's keys sorted, no whitespace: the form hashed and signed. */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const members = Object.keys(value)
    .filter((k) => value[k] !== undefined && typeof value[k] !== 'function')
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
  return `{${members.join(',')}}`;
}

const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

export function entryHash(prevHash, e) {
  const body = canonicalJson({
    orderId: e.orderId,
    seq: e.seq,
    step: e.step,
    name: e.name,
    sender: { role: e.sender.role, id: e.sender.id },
    receiver: { role: e.receiver.role, id: e.receiver.id },
    sentAt: e.sentAt,
    payload: e.payload,
  });
  return sha256Hex(`${prevHash ?? ''}\n${body}`);
}

const keyIdOf = (key) => createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

/** Every Ed25519 public key in the file: PEM blocks, one JWK, or a JWK set. */
export function readPublicKeys(text) {
  const keys = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed);
    for (const jwk of Array.isArray(json.keys) ? json.keys : [json]) keys.push(createPublicKey({ key: jwk, format: 'jwk' }));
  } else {
    for (const pem of trimmed.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? []) keys.push(createPublicKey(pem));
  }
  return new Map(keys.filter((k) => k.asymmetricKeyType === 'ed25519').map((k) => [keyIdOf(k), k]));
}

const checkpointContent = (c) => ({
  sequence: c.sequence,
  createdAt: c.createdAt,
  previousDigest: c.previousDigest,
  keyId: c.keyId,
  heads: (c.heads ?? []).map((h) => ({ orderId: h.orderId, seq: h.seq, hash: h.hash })),
});

function signatureHolds(content, key, signature) {
  try {
    return verify(null, Buffer.from(canonicalJson(content), 'utf8'), key, Buffer.from(String(signature), 'base64url'));
  } catch {
    return false;
  }
}

/**
 * The whole check: the entries' chain, every checkpoint's digest and signature with the given keys
 * and its link to the one before, then each of the order's heads against the entries.
 * Returns { intact: true, ... } or { intact: false, problem }.
 */
export function verifyBundle(bundle, keys) {
  const broken = (problem) => ({ intact: false, orderId: bundle?.orderId, problem });
  if (!bundle || bundle.format !== 'tradelane-order-log/1') return broken('not an order-log bundle (format tradelane-order-log/1)');
  if (keys.size === 0) return broken('the public key file holds no Ed25519 public key');
  const { orderId, entries = [], checkpoints = [] } = bundle;

  let previous;
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i + 1) return broken(`entry ${i + 1} is missing (the next entry is ${entry.seq})`);
    if (entry.orderId !== orderId) return broken(`entry ${entry.seq} belongs to order ${entry.orderId}`);
    if (entryHash(entry.prevHash, entry) !== entry.hash) return broken(`entry ${entry.seq}: hash does not match its content`);
    if (entry.prevHash !== (previous?.hash ?? null)) return broken(`entry ${entry.seq}: prev_hash does not match entry ${entry.seq - 1}`);
    previous = entry;
  }

  let before;
  for (const checkpoint of checkpoints) {
    const at = `checkpoint ${checkpoint.sequence}`;
    const content = checkpointContent(checkpoint);
    if (sha256Hex(canonicalJson(content)) !== checkpoint.digest) return broken(`${at}: digest does not match its content`);
    const key = keys.get(checkpoint.keyId);
    if (!key) return broken(`${at}: signed with key ${checkpoint.keyId}, which the public key file does not hold`);
    if (!signatureHolds(content, key, checkpoint.signature)) return broken(`${at}: signature does not verify`);
    if (before) {
      if (checkpoint.sequence !== before.sequence + 1) return broken(`checkpoint ${before.sequence + 1} is missing (the one after ${before.sequence} is ${checkpoint.sequence})`);
      if (checkpoint.previousDigest !== before.digest) return broken(`${at}: its previous digest is not that of checkpoint ${before.sequence}`);
    }
    before = checkpoint;
  }

  const heads = checkpoints.flatMap((c) => (c.heads ?? []).filter((h) => h.orderId === orderId).map((h) => ({ ...h, checkpoint: c.sequence })));
  if (heads.length === 0) return broken(`no checkpoint in the bundle holds order ${orderId}: nothing to verify its entries against`);
  const last = entries.at(-1)?.seq ?? 0;
  let coveredTo = 0;
  for (const head of heads.sort((x, y) => x.seq - y.seq)) {
    const entry = entries[head.seq - 1];
    if (!entry) return broken(`the log ends at entry ${last}, but checkpoint ${head.checkpoint} recorded entry ${head.seq}`);
    if (entry.hash !== head.hash) {
      return broken(`entry ${head.seq}'s hash is not the one checkpoint ${head.checkpoint} recorded: an entry from ${coveredTo + 1} to ${head.seq} was changed, removed, reordered or moved`);
    }
    coveredTo = head.seq;
  }
  return {
    intact: true,
    orderId,
    entries: entries.length,
    checkpoints: checkpoints.length,
    coveredTo,
    latestCheckpoint: before?.sequence ?? null,
    notCovered: last - coveredTo,
  };
}

export function main(argv) {
  let keyFile;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--public-key') keyFile = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (argv[i].startsWith('--')) {
      process.stderr.write(`unknown option ${argv[i]}\n${USAGE}\n`);
      return 2;
    } else files.push(argv[i]);
  }
  if (!keyFile || files.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let keys;
  let bundle;
  try {
    keys = readPublicKeys(readFileSync(keyFile, 'utf8'));
    bundle = JSON.parse(readFileSync(files[0], 'utf8'));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const result = verifyBundle(bundle, keys);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!result.intact) process.stderr.write(`not intact: ${result.problem}\n`);
  return result.intact ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exitCode = main(process.argv.slice(2));
