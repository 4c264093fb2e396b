import { entryHash, type ChainedContent } from '../order-messages/order-log-hash';

export interface ChainedEntry extends ChainedContent {
  prevHash: string | null;
  hash: string;
}

export type Verification =
  | { orderId: string; intact: true; entries: number }
  | { orderId: string; intact: false; entries: number; firstBroken: { seq: number; reason: string } };

/** Recomputes the chain from what is stored; the first entry that does not hold is reported. */
export function verifyOrderLog(orderId: string, entries: ChainedEntry[]): Verification {
  const broken = (seq: number, reason: string): Verification => ({
    orderId,
    intact: false,
    entries: entries.length,
    firstBroken: { seq, reason },
  });
  let previous: ChainedEntry | undefined;
  for (const [i, entry] of entries.entries()) {
    const expectedSeq = i + 1;
    if (entry.seq !== expectedSeq) return broken(expectedSeq, `seq missing (the next entry recorded is ${entry.seq})`);
    if (entryHash(entry.prevHash, entry) !== entry.hash) return broken(entry.seq, 'hash does not match its content');
    const expectedPrev = previous?.hash ?? null;
    if (entry.prevHash !== expectedPrev) {
      return broken(entry.seq, previous ? `prev_hash does not match entry ${previous.seq}` : 'the first entry has a prev_hash');
    }
    previous = entry;
  }
  return { orderId, intact: true, entries: entries.length };
}

/** A head of the log that a store other than the log's table recorded: the entry at seq had this hash. */
export interface AnchoredHead {
  seq: number;
  hash: string;
  /** the order the head was written for, where the anchor says */
  orderId?: string;
}

/** What the order workflow's Temporal history says about the log's writes. */
export type HistoryAnchor =
  | {
      status: 'checked';
      /** the head after each write, in the order written */
      heads: AnchoredHead[];
      /** writes whose result the history does not hold (made before heads were returned) */
      unanchoredWrites: number;
      /** the workflow has ended, so the history holds every write */
      closed: boolean;
    }
  | { status: 'unavailable'; reason: string };

/** What the signed checkpoints say about this order, once their signatures and chain were checked. */
export type CheckpointAnchor =
  | { status: 'checked'; heads: Array<AnchoredHead & { checkpoint: number }>; latestCheckpoint: number | null }
  /** The checkpoints themselves do not hold (a signature, a digest or a removed checkpoint). */
  | { status: 'broken'; checkpoint: number; reason: string }
  | { status: 'unavailable'; reason: string };

export interface Anchors {
  history: HistoryAnchor;
  checkpoints: CheckpointAnchor;
}

export type AnchorName = 'chain' | 'history' | 'checkpoint';

export interface AnchorsReport {
  history: {
    status: 'checked' | 'unavailable' | 'disagrees';
    reason?: string;
    /** heads the history holds for this order */
    heads: number;
    lastAnchoredSeq: number | null;
    unanchoredWrites?: number;
  };
  checkpoints: {
    status: 'checked' | 'none' | 'unavailable' | 'disagrees' | 'broken';
    reason?: string;
    /** the latest checkpoint holding a head of this order, and that head's seq */
    latest: { id: number; seq: number } | null;
  };
}

export interface AnchoredVerification {
  orderId: string;
  intact: boolean;
  entries: number;
  /** seq 0 when what does not hold is the checkpoints themselves, not an entry */
  firstBroken?: { seq: number; reason: string; anchor: AnchorName };
  anchors: AnchorsReport;
  /** seq → the anchors that vouch for the entry (entries up to a head that matched) */
  coveredBy: Map<number, string[]>;
}

interface HeadCheck {
  /** the highest seq up to which every head matched */
  coveredTo: number;
  disagreement?: { seq: number; reason: string };
}

/**
 * Each head must name an entry the log holds with that very hash. As every hash chains all entries
 * before it (their content, seq and order id), a match vouches for the whole log up to that seq.
 */
function checkHeads<H extends AnchoredHead>(orderId: string, entries: ChainedEntry[], heads: H[], labelOf: (head: H) => string): HeadCheck {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const last = entries.at(-1)?.seq ?? 0;
  let coveredTo = 0;
  for (const head of [...heads].sort((a, b) => a.seq - b.seq)) {
    const label = labelOf(head);
    if (head.orderId !== undefined && head.orderId !== orderId) {
      return { coveredTo, disagreement: { seq: head.seq, reason: `${label} holds a head of order ${head.orderId} for this order` } };
    }
    const entry = bySeq.get(head.seq);
    if (!entry) {
      const reason =
        head.seq > last
          ? `the log ends at entry ${last}, but ${label} recorded entry ${head.seq}`
          : `entry ${head.seq}, which ${label} recorded, is missing`;
      return { coveredTo, disagreement: { seq: head.seq, reason } };
    }
    if (entry.hash !== head.hash) {
      const from = coveredTo + 1;
      const where = from === head.seq ? `entry ${head.seq}` : `an entry from ${from} to ${head.seq}`;
      return {
        coveredTo,
        disagreement: {
          seq: head.seq,
          reason: `entry ${head.seq}'s hash is not the one ${label} recorded: ${where} was changed, removed, reordered or moved since`,
        },
      };
    }
    coveredTo = Math.max(coveredTo, head.seq);
  }
  return { coveredTo };
}

/**
 * The chain, then each anchor kept outside the log's table: the workflow's history (the head after
 * each write) and the signed checkpoints. The first that does not hold is reported, naming it.
 */
export function verifyAnchoredLog(orderId: string, entries: ChainedEntry[], anchors: Anchors): AnchoredVerification {
  const problems: Array<{ seq: number; reason: string; anchor: AnchorName }> = [];
  const chain = verifyOrderLog(orderId, entries);
  if (!chain.intact) problems.push({ ...chain.firstBroken, anchor: 'chain' });
  const last = entries.at(-1)?.seq ?? 0;

  let historyCoveredTo = 0;
  let history: AnchorsReport['history'];
  if (anchors.history.status === 'unavailable') {
    history = { status: 'unavailable', reason: anchors.history.reason, heads: 0, lastAnchoredSeq: null };
  } else {
    const { heads, unanchoredWrites, closed } = anchors.history;
    const check = checkHeads(orderId, entries, heads, () => 'the workflow history');
    const lastAnchoredSeq = heads.length > 0 ? Math.max(...heads.map((h) => h.seq)) : null;
    let disagreement = check.disagreement;
    // A closed workflow whose every write is anchored wrote nothing past its last head.
    if (!disagreement && closed && unanchoredWrites === 0 && lastAnchoredSeq !== null && last > lastAnchoredSeq) {
      disagreement = { seq: lastAnchoredSeq + 1, reason: `the log goes on past entry ${lastAnchoredSeq}, the last the workflow wrote` };
    }
    historyCoveredTo = check.coveredTo;
    history = {
      status: disagreement ? 'disagrees' : 'checked',
      ...(disagreement ? { reason: disagreement.reason } : {}),
      heads: heads.length,
      lastAnchoredSeq,
      unanchoredWrites,
    };
    if (disagreement) problems.push({ ...disagreement, anchor: 'history' });
  }

  const checkpointOf = new Map<number, number>();
  let checkpoints: AnchorsReport['checkpoints'];
  if (anchors.checkpoints.status === 'unavailable') {
    checkpoints = { status: 'unavailable', reason: anchors.checkpoints.reason, latest: null };
  } else if (anchors.checkpoints.status === 'broken') {
    const reason = `checkpoint ${anchors.checkpoints.checkpoint}: ${anchors.checkpoints.reason}`;
    checkpoints = { status: 'broken', reason, latest: null };
    problems.push({ seq: 0, reason, anchor: 'checkpoint' });
  } else {
    const heads = anchors.checkpoints.heads;
    const latestHead = heads.reduce<(typeof heads)[number] | undefined>((a, h) => (!a || h.checkpoint > a.checkpoint ? h : a), undefined);
    const check = checkHeads(orderId, entries, heads, (h) => `checkpoint ${h.checkpoint}`);
    const disagreement = check.disagreement;
    if (disagreement) problems.push({ ...disagreement, anchor: 'checkpoint' });
    for (const h of [...heads].sort((a, b) => a.checkpoint - b.checkpoint)) {
      if (h.seq > check.coveredTo) continue;
      for (let seq = 1; seq <= h.seq; seq++) if (!checkpointOf.has(seq)) checkpointOf.set(seq, h.checkpoint);
    }
    checkpoints = {
      status: disagreement ? 'disagrees' : heads.length === 0 ? 'none' : 'checked',
      ...(disagreement ? { reason: disagreement.reason } : {}),
      latest: latestHead ? { id: latestHead.checkpoint, seq: latestHead.seq } : null,
    };
  }

  // Past a break in the chain no anchor vouches for anything.
  const chainHoldsTo = chain.intact ? Infinity : chain.firstBroken.seq - 1;
  const coveredBy = new Map<number, string[]>();
  for (const entry of entries) {
    const by: string[] = [];
    if (entry.seq > chainHoldsTo) {
      coveredBy.set(entry.seq, by);
      continue;
    }
    if (entry.seq <= historyCoveredTo) by.push('history');
    const checkpoint = checkpointOf.get(entry.seq);
    if (checkpoint !== undefined) by.push(`checkpoint:${checkpoint}`);
    coveredBy.set(entry.seq, by);
  }
  const first = problems[0];
  return {
    orderId,
    intact: problems.length === 0,
    entries: entries.length,
    ...(first ? { firstBroken: first } : {}),
    anchors: { history, checkpoints },
    coveredBy,
  };
}
