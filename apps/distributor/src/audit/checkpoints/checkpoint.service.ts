import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { identityConfig, keyId } from '@tradelane/platform';
import type { CheckpointAnchor } from '../order-log-verification';
import { checkpointConfig } from './checkpoint.config';
import {
  headsOf,
  publicJwk,
  publicKeysFromPem,
  signCheckpoint,
  verifyCheckpointChain,
  type CheckpointHead,
  type PublicJwk,
  type SignedCheckpoint,
} from './checkpoint-signing';

interface CheckpointRow {
  sequence: number;
  created_at: Date;
  previous_digest: string | null;
  key_id: string;
  heads: CheckpointHead[];
  digest: string;
  signature: string;
}

const fromRow = (r: CheckpointRow): SignedCheckpoint => ({
  sequence: r.sequence,
  createdAt: r.created_at.toISOString(),
  previousDigest: r.previous_digest,
  keyId: r.key_id,
  heads: r.heads,
  digest: r.digest,
  signature: r.signature,
});

/** One writer at a time over all replicas; the others skip this round rather than wait. */
const CHECKPOINT_LOCK = `hashtext('distributor.order_log_checkpoints')`;

export const CHECKPOINT_PAGE_LIMIT = 100;

/**
 * Signed checkpoints over the order logs' heads, at an interval: each holds the heads that grew
 * since the last one and the digest of that one, signed with the distributor's Ed25519 key (the
 * one access tokens are signed with), so that a log rewritten in the database alone disagrees
 * with a checkpoint it cannot re-sign.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointService.name);
  private readonly intervalMs = checkpointConfig().intervalMs;
  private timer?: NodeJS.Timeout;
  private running?: Promise<SignedCheckpoint | null>;
  private signingKey?: KeyObject | null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) return;
    this.timer = setInterval(() => {
      this.writeCheckpoint().catch((error: Error) => this.logger.warn(`no checkpoint written this round: ${error.message}`));
    }, this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Writes one checkpoint over every head that grew since the last; null when none did, or another replica is writing. */
  writeCheckpoint(): Promise<SignedCheckpoint | null> {
    this.running ??= this.write().finally(() => (this.running = undefined));
    return this.running;
  }

  private async write(): Promise<SignedCheckpoint | null> {
    const key = this.privateKey();
    if (!key) return null;
    return this.db.transaction(async (tx) => {
      const [{ locked }] = (await tx.query(`SELECT pg_try_advisory_xact_lock(${CHECKPOINT_LOCK}) AS locked`)) as [{ locked: boolean }];
      if (!locked) return null;
      const heads = await this.grownHeads(tx);
      if (heads.length === 0) return null;
      const [last] = (await tx.query(
        `SELECT sequence, digest FROM distributor.order_log_checkpoints ORDER BY sequence DESC LIMIT 1`,
      )) as Array<{ sequence: number; digest: string }>;
      const checkpoint = signCheckpoint(
        { sequence: (last?.sequence ?? 0) + 1, createdAt: new Date().toISOString(), previousDigest: last?.digest ?? null, heads },
        key,
      );
      await tx.query(
        `INSERT INTO distributor.order_log_checkpoints (sequence, created_at, previous_digest, key_id, heads, digest, signature)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
        [checkpoint.sequence, checkpoint.createdAt, checkpoint.previousDigest, checkpoint.keyId, JSON.stringify(checkpoint.heads), checkpoint.digest, checkpoint.signature],
      );
      await tx.query(
        `INSERT INTO distributor.order_log_checkpointed_heads (order_id, seq, hash, checkpoint)
         SELECT h.order_id, h.seq, h.hash, $4 FROM unnest($1::uuid[], $2::int[], $3::text[]) AS h(order_id, seq, hash)
         ON CONFLICT (order_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, checkpoint = excluded.checkpoint`,
        [heads.map((h) => h.orderId), heads.map((h) => h.seq), heads.map((h) => h.hash), checkpoint.sequence],
      );
      return checkpoint;
    });
  }

  /**
   * Each order's last entry where the log grew past its last checkpointed head. A log that shrank
   * or was rewritten at the same length is not checkpointed again: the older checkpoint keeps
   * the head it had.
   */
  private async grownHeads(tx: EntityManager): Promise<CheckpointHead[]> {
    const rows = (await tx.query(
      `SELECT m.order_id, m.seq, m.hash
         FROM (SELECT DISTINCT ON (order_id) order_id, seq, hash FROM distributor.order_messages ORDER BY order_id, seq DESC) m
         LEFT JOIN distributor.order_log_checkpointed_heads c ON c.order_id = m.order_id
        WHERE c.order_id IS NULL OR m.seq > c.seq
        ORDER BY m.order_id`,
    )) as Array<{ order_id: string; seq: number; hash: string }>;
    return rows.map((r) => ({ orderId: r.order_id, seq: r.seq, hash: r.hash }));
  }

  /** Checkpoints after the given sequence, oldest first. */
  async page(after: number, limit = CHECKPOINT_PAGE_LIMIT): Promise<SignedCheckpoint[]> {
    const rows = (await this.db.query(
      `SELECT * FROM distributor.order_log_checkpoints WHERE sequence > $1 ORDER BY sequence LIMIT $2`,
      [after, limit],
    )) as CheckpointRow[];
    return rows.map(fromRow);
  }

  async all(): Promise<SignedCheckpoint[]> {
    const rows = (await this.db.query(`SELECT * FROM distributor.order_log_checkpoints ORDER BY sequence`)) as CheckpointRow[];
    return rows.map(fromRow);
  }

  /** The public keys that verify checkpoints: every trusted identity key, and the signing key's own. */
  publicKeys(): PublicJwk[] {
    return [...this.trustedKeys().values()].map(publicJwk);
  }

  /**
   * This order's heads in every checkpoint, once the whole chain of checkpoints was checked
   * (signatures, digests, none missing); a chain that does not hold is reported as such.
   */
  async anchorFor(orderId: string): Promise<CheckpointAnchor> {
    const checkpoints = await this.all();
    const keys = this.trustedKeys();
    if (keys.size === 0) return { status: 'unavailable', reason: 'no public key to verify checkpoints with' };
    const chain = verifyCheckpointChain(checkpoints, keys, true);
    if (!chain.ok) return { status: 'broken', checkpoint: chain.checkpoint, reason: chain.reason };
    return { status: 'checked', heads: headsOf(orderId, checkpoints), latestCheckpoint: checkpoints.at(-1)?.sequence ?? null };
  }

  private trustedKeys(): Map<string, KeyObject> {
    const keys = publicKeysFromPem(identityConfig().publicKeys ?? '');
    const own = this.privateKey();
    if (own) {
      const pub = createPublicKey(own);
      keys.set(keyId(pub), pub);
    }
    return keys;
  }

  private privateKey(): KeyObject | null {
    if (this.signingKey === undefined) {
      const pem = identityConfig().signingKey;
      this.signingKey = pem ? createPrivateKey(pem) : null;
      if (!this.signingKey) this.logger.warn('IDENTITY_SIGNING_KEY is not set: no checkpoints are signed');
    }
    return this.signingKey;
  }
}
