import { entryHash } from '../order-messages/order-log-hash';
import { verifyAnchoredLog, verifyOrderLog, type ChainedEntry, type CheckpointAnchor, type HistoryAnchor } from './order-log-verification';

const orderId = '7f3c2a10-9d3e-4c55-8f67-0a1b2c3d4e5f';

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      orderId,
      seq,
      step: seq,
      name: 'stock-inquiry',
      sender: { role: 'distributor', id: 'tradelane' },
      receiver: { role: 'supplier', id: 'acme-steel' },
      sentAt: new Date(Date.UTC(2026, 10, 25, 10, 0, seq)).toISOString(),
      payload: { n: seq },
    };
    const prevHash = out[seq - 2]?.hash ?? null;
    out.push({ ...content, prevHash, hash: entryHash(prevHash, content) });
  }
  return out;
}

describe('verifying an order log', () => {
  it('finds an unaltered chain intact', () => {
    expect(verifyOrderLog(orderId, chain(4))).toEqual({ orderId, intact: true, entries: 4 });
  });

  it('reports an entry whose payload was altered', () => {
    const log = chain(4);
    log[2].payload = { n: 99 };
    expect(verifyOrderLog(orderId, log)).toMatchObject({ intact: false, entries: 4, firstBroken: { seq: 3, reason: 'hash does not match its content' } });
  });

  it('reports the next entry when an altered entry was re-hashed to match', () => {
    const log = chain(4);
    log[1].payload = { n: 99 };
    log[1].hash = entryHash(log[1].prevHash, log[1]);
    expect(verifyOrderLog(orderId, log)).toMatchObject({ firstBroken: { seq: 3, reason: 'prev_hash does not match entry 2' } });
  });

  it('reports a missing entry', () => {
    const log = chain(4);
    log.splice(1, 1);
    expect(verifyOrderLog(orderId, log)).toMatchObject({ firstBroken: { seq: 2, reason: expect.stringContaining('seq missing') } });
  });

  it('reports a first entry that claims a predecessor', () => {
    const log = chain(2);
    log[0].prevHash = 'f'.repeat(64);
    log[0].hash = entryHash(log[0].prevHash, log[0]);
    expect(verifyOrderLog(orderId, log)).toMatchObject({ firstBroken: { seq: 1, reason: 'the first entry has a prev_hash' } });
  });
});

describe('verifying an order log against its anchors', () => {
  const history = (log: ChainedEntry[], at: number[], extra: Partial<Extract<HistoryAnchor, { status: 'checked' }>> = {}): HistoryAnchor => ({
    status: 'checked',
    heads: at.map((seq) => ({ orderId, seq, hash: log[seq - 1].hash })),
    unanchoredWrites: 0,
    closed: false,
    ...extra,
  });
  const noCheckpoints: CheckpointAnchor = { status: 'checked', heads: [], latestCheckpoint: null };
  const checkpoints = (log: ChainedEntry[], at: Array<[checkpoint: number, seq: number]>): CheckpointAnchor => ({
    status: 'checked',
    heads: at.map(([checkpoint, seq]) => ({ orderId, seq, hash: log[seq - 1].hash, checkpoint })),
    latestCheckpoint: Math.max(0, ...at.map(([c]) => c)),
  });
  /** What a database admin does: change the rows, then recompute every hash from the first so the chain holds. */
  function rechained(entries: ChainedEntry[], forOrder = orderId): ChainedEntry[] {
    const out: ChainedEntry[] = [];
    for (const [i, e] of entries.entries()) {
      const prevHash = out[i - 1]?.hash ?? null;
      const content = { ...e, orderId: forOrder, seq: i + 1 };
      out.push({ ...content, prevHash, hash: entryHash(prevHash, content) });
    }
    return out;
  }

  it('finds an untouched log intact, covered by the history and the first checkpoint that holds each entry', () => {
    const log = chain(6);
    const result = verifyAnchoredLog(orderId, log, { history: history(log, [2, 4]), checkpoints: checkpoints(log, [[3, 3], [7, 5]]) });
    expect(result).toMatchObject({
      intact: true,
      entries: 6,
      anchors: {
        history: { status: 'checked', heads: 2, lastAnchoredSeq: 4, unanchoredWrites: 0 },
        checkpoints: { status: 'checked', latest: { id: 7, seq: 5 } },
      },
    });
    expect(result.firstBroken).toBeUndefined();
    expect([...result.coveredBy.values()]).toEqual([
      ['history', 'checkpoint:3'],
      ['history', 'checkpoint:3'],
      ['history', 'checkpoint:3'],
      ['history', 'checkpoint:7'],
      ['checkpoint:7'],
      [],
    ]);
  });

  it('names the history when an edited entry was re-hashed with every later one', () => {
    const log = chain(5);
    const anchors = { history: history(log, [2, 5]), checkpoints: noCheckpoints };
    const edited = rechained(log.map((e) => (e.seq === 3 ? { ...e, payload: { n: 99 } } : e)));
    expect(verifyOrderLog(orderId, edited).intact).toBe(true);
    expect(verifyAnchoredLog(orderId, edited, anchors)).toMatchObject({
      intact: false,
      firstBroken: { seq: 5, anchor: 'history', reason: expect.stringContaining('an entry from 3 to 5 was changed') },
      anchors: { history: { status: 'disagrees' } },
    });
  });

  it('names the checkpoint that disagrees with a log cut short', () => {
    const log = chain(5);
    const cut = log.slice(0, 3);
    const result = verifyAnchoredLog(orderId, cut, {
      history: { status: 'unavailable', reason: 'the workflow history is gone' },
      checkpoints: checkpoints(log, [[2, 2], [4, 5]]),
    });
    expect(result).toMatchObject({
      intact: false,
      firstBroken: { seq: 5, anchor: 'checkpoint', reason: 'the log ends at entry 3, but checkpoint 4 recorded entry 5' },
      anchors: { history: { status: 'unavailable', reason: 'the workflow history is gone' }, checkpoints: { status: 'disagrees' } },
    });
    expect(result.coveredBy.get(2)).toEqual(['checkpoint:2']);
    expect(result.coveredBy.get(3)).toEqual([]);
  });

  it('finds swapped entries, and an entry moved to another order, against the heads', () => {
    const log = chain(4);
    const anchors = { history: history(log, [4]), checkpoints: noCheckpoints };
    const swapped = rechained([log[0], log[2], log[1], log[3]]);
    expect(verifyOrderLog(orderId, swapped).intact).toBe(true);
    expect(verifyAnchoredLog(orderId, swapped, anchors).firstBroken).toMatchObject({ seq: 4, anchor: 'history' });
    const moved = rechained([log[0], log[1], log[3]]);
    expect(verifyAnchoredLog(orderId, moved, anchors).firstBroken).toMatchObject({ seq: 4, anchor: 'history', reason: expect.stringContaining('ends at entry 3') });
  });

  it('finds a closed order whose log goes on past the last write the history holds', () => {
    const log = chain(4);
    const result = verifyAnchoredLog(orderId, log, { history: history(log, [3], { closed: true }), checkpoints: noCheckpoints });
    expect(result.firstBroken).toEqual({ seq: 4, anchor: 'history', reason: 'the log goes on past entry 3, the last the workflow wrote' });
    // While it runs, or with writes from before heads were kept, the rest is only not anchored yet.
    expect(verifyAnchoredLog(orderId, log, { history: history(log, [3]), checkpoints: noCheckpoints }).intact).toBe(true);
    expect(verifyAnchoredLog(orderId, log, { history: history(log, [3], { closed: true, unanchoredWrites: 1 }), checkpoints: noCheckpoints }).intact).toBe(true);
  });

  it('says not anchored, not broken, for a history from before heads were kept', () => {
    const log = chain(3);
    const result = verifyAnchoredLog(orderId, log, { history: history(log, [], { closed: true, unanchoredWrites: 3 }), checkpoints: noCheckpoints });
    expect(result).toMatchObject({ intact: true, anchors: { history: { status: 'checked', heads: 0, lastAnchoredSeq: null, unanchoredWrites: 3 }, checkpoints: { status: 'none', latest: null } } });
    expect([...result.coveredBy.values()]).toEqual([[], [], []]);
  });

  it('reports checkpoints that do not hold themselves, and the chain before any anchor', () => {
    const log = chain(3);
    const broken = verifyAnchoredLog(orderId, log, {
      history: history(log, [3]),
      checkpoints: { status: 'broken', checkpoint: 5, reason: 'signature does not verify' },
    });
    expect(broken).toMatchObject({ intact: false, firstBroken: { seq: 0, anchor: 'checkpoint', reason: 'checkpoint 5: signature does not verify' } });
    const altered = chain(3);
    altered[1].payload = { n: 99 };
    expect(verifyAnchoredLog(orderId, altered, { history: history(log, [3]), checkpoints: noCheckpoints }).firstBroken).toEqual({
      seq: 2,
      anchor: 'chain',
      reason: 'hash does not match its content',
    });
  });

  it('refuses a head recorded for another order', () => {
    const log = chain(2);
    const foreign: HistoryAnchor = { status: 'checked', heads: [{ orderId: 'another', seq: 2, hash: log[1].hash }], unanchoredWrites: 0, closed: false };
    expect(verifyAnchoredLog(orderId, log, { history: foreign, checkpoints: noCheckpoints }).firstBroken).toMatchObject({ anchor: 'history', reason: expect.stringContaining('order another') });
  });
});
