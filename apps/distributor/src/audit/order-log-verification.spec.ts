import { entryHash } from '../order-messages/order-log-hash';
import { verifyOrderLog, type ChainedEntry } from './order-log-verification';

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
