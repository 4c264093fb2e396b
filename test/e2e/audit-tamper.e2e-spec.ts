import { Client, Connection } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { OrderView } from '@tradelane/contracts';
import { temporalConfig, type TemporalConfig } from '@tradelane/platform';
import { CheckpointService } from '../../apps/distributor/src/audit/checkpoints/checkpoint.service';
import { verifyOrderLog } from '../../apps/distributor/src/audit/order-log-verification';
import type { TimelineEntry } from '../../apps/distributor/src/audit/timeline';
import { WorkflowReplayService } from '../../apps/distributor/src/audit/workflow-replay.service';
import { entryHash } from '../../apps/distributor/src/order-messages/order-log-hash';
import { OrderMessagesService } from '../../apps/distributor/src/order-messages/order-messages.service';
import { tokenFor } from '../support/identity';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, orderViewWhen, startStack, type Stack } from '../support/stack';

/** A row of distributor.order_messages as a database admin sees it. */
interface Row {
  order_id: string;
  seq: number;
  step: number | null;
  name: string;
  sender_role: string;
  sender_id: string;
  receiver_role: string;
  receiver_id: string;
  sent_at: Date;
  payload: unknown;
  prev_hash: string | null;
  hash: string;
}

type Tamper = (rows: { a: Row[]; b: Row[] }) => { a?: Row[]; b?: Row[] };

/**
 * What each tamper does to the rows; every hash after the change is recomputed with the service's
 * own entryHash, so the chain alone holds afterwards.
 */
const CASES: Array<[name: string, tamper: Tamper]> = [
  ['an entry whose payload was edited', ({ a }) => ({ a: a.map((r) => (r.seq === 3 ? { ...r, payload: { ...(r.payload as object), forged: true } } : r)) })],
  ['an entry deleted and the later ones renumbered', ({ a }) => ({ a: a.filter((r) => r.seq !== 3) })],
  ['two entries swapped', ({ a }) => ({ a: [...a.slice(0, 2), a[3], a[2], ...a.slice(4)] })],
  ['the log cut short after an entry', ({ a }) => ({ a: a.slice(0, 5) })],
  ['an entry moved to another order', ({ a, b }) => ({ a: a.filter((r) => r.seq !== 3), b: [...b.slice(0, 2), a[2], ...b.slice(2)] })],
];

function runNode(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(__dirname, '../../infra/scripts', script), ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * A database admin rewrites order logs with SQL, recomputing every later hash so that the chain
 * alone still holds; verify must say so anyway, naming the anchor kept outside the database that
 * disagrees: the order workflow's history, and the signed checkpoints when the history is gone.
 */
describe('an order log rewritten by a database admin', () => {
  let stack: Stack;
  let a: string;
  let b: string;
  let original: { a: Row[]; b: Row[] };
  const scratch = () => mkdtempSync(join(process.env.TRADELANE_TEST_SCRATCH ?? tmpdir(), 'audit-tamper-'));

  beforeAll(async () => {
    // The job's timer stays off: this file writes each checkpoint when it wants one.
    process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = '0';
    stack = await startStack();
    await answerAutomatically(stack);
    const ids = await Promise.all(['NUT-M8', 'BEARING-6204'].map((sku) => completedOrder(sku)));
    [a, b] = ids;
    original = { a: await rows(a), b: await rows(b) };
    expect(original.a.length).toBeGreaterThan(6);
    expect(original.b.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
    await stack?.close();
  });

  const auditor = () => stack.as('tradelane-audit').distributor;

  /** An order run to its end: everything answers by itself, the buyer pays. */
  async function completedOrder(sku: string): Promise<string> {
    const buyer = stack.as('muster-maschinenbau');
    const submitted = await buyer.distributor.post('/purchase-orders').send(purchaseOrder([{ sku, quantity: 10 }])).expect(201);
    const orderId: string = submitted.body.orderId;
    const confirmed = await orderViewWhen(stack, submitted.body.workflowId)('the order confirmation', (v) => v.waitingFor.some((w) => w.kind === 'payment'));
    await buyer.buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: confirmed.confirmation!.amountDue.amountMinor, currency: 'EUR' })
      .expect(200);
    expect(((await stack.temporal.workflow.getHandle(submitted.body.workflowId).result()) as OrderView).status).toBe('completed');
    return orderId;
  }
  const verify = async (orderId: string) => (await auditor().get(`/audit/orders/${orderId}/verify`).expect(200)).body;
  const checkpoints = () => stack.apps.distributor.get(CheckpointService);

  async function rows(orderId: string): Promise<Row[]> {
    return (await stack.db.query(`SELECT * FROM distributor.order_messages WHERE order_id = $1 ORDER BY seq`, [orderId])).rows;
  }

  /** The rows as given, hashes and all. */
  async function put(orderId: string, given: Row[]): Promise<void> {
    const client = await stack.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`DELETE FROM distributor.order_messages WHERE order_id = $1`, [orderId]);
      for (const r of given) {
        await client.query(
          `INSERT INTO distributor.order_messages (order_id, seq, step, name, sender_role, sender_id, receiver_role, receiver_id, sent_at, payload, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
          [orderId, r.seq, r.step, r.name, r.sender_role, r.sender_id, r.receiver_role, r.receiver_id, r.sent_at, JSON.stringify(r.payload), r.prev_hash, r.hash],
        );
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  /** The rows renumbered from 1 under this order and every hash recomputed, as an admin covering their tracks would. */
  function rechained(orderId: string, given: Row[]): Row[] {
    const out: Row[] = [];
    for (const [i, r] of given.entries()) {
      const prevHash = out[i - 1]?.hash ?? null;
      const hash = entryHash(prevHash, {
        orderId,
        seq: i + 1,
        step: r.step,
        name: r.name,
        sender: { role: r.sender_role, id: r.sender_id },
        receiver: { role: r.receiver_role, id: r.receiver_id },
        sentAt: r.sent_at.toISOString(),
        payload: r.payload,
      });
      out.push({ ...r, order_id: orderId, seq: i + 1, prev_hash: prevHash, hash });
    }
    return out;
  }

  async function tamper(change: Tamper): Promise<string[]> {
    const changed = change({ a: original.a, b: original.b });
    const touched: string[] = [];
    if (changed.a) {
      await put(a, rechained(a, changed.a));
      touched.push(a);
    }
    if (changed.b) {
      await put(b, rechained(b, changed.b));
      touched.push(b);
    }
    return touched;
  }

  async function restore(): Promise<void> {
    await put(a, original.a);
    await put(b, original.b);
  }

  /** What verify said before anchors: the chain recomputed from the table alone. */
  const chainOnly = async (orderId: string) => verifyOrderLog(orderId, await stack.apps.distributor.get(OrderMessagesService).forOrder(orderId));

  it("anchors every write in the workflow's history: verify finds both logs intact and the timeline covered by it", async () => {
    for (const [orderId, log] of [[a, original.a], [b, original.b]] as const) {
      const result = await verify(orderId);
      expect(result).toEqual({
        orderId,
        intact: true,
        entries: log.length,
        anchors: {
          history: { status: 'checked', heads: expect.any(Number), lastAnchoredSeq: log.length, unanchoredWrites: 0 },
          checkpoints: { status: 'none', latest: null },
        },
      });
      expect(result.anchors.history.heads).toBeGreaterThan(1);
    }
    const timeline: TimelineEntry[] = (await auditor().get(`/audit/orders/${a}/timeline`).expect(200)).body;
    expect(timeline.map((e) => e.coveredBy)).toEqual(original.a.map(() => ['history']));
  });

  it('returns the head as stored, also to a retry that finds the batch written', async () => {
    const log = stack.apps.distributor.get(OrderMessagesService);
    const orderId = randomUUID();
    const entry = (seq: number, payload: unknown) => ({
      orderId, seq, step: null, name: 'reminder' as const,
      sender: { role: 'distributor' as const, id: 'tradelane' }, receiver: { role: 'buyer' as const, id: 'b1' },
      sentAt: new Date().toISOString(), payload,
    });
    const first = await log.recordMessages([entry(1, { n: 1 }), entry(2, { n: 2 })]);
    const stored = await rows(orderId);
    expect(first).toEqual({ orderId, seq: 2, hash: stored[1].hash });
    // The retry is stamped later (as a retried workflow task stamps it): what is stored is what counts.
    expect(await log.recordMessages([entry(2, { n: 2 })])).toEqual(first);
    // Another entry under a taken number goes after the last, and the head says where.
    const moved = await log.recordMessages([entry(2, { n: 'another entry' })]);
    expect(moved).toEqual({ orderId, seq: 3, hash: (await rows(orderId))[2].hash });
    expect(await log.recordMessages([])).toBeNull();
  });

  it('signs a checkpoint over the heads that grew, one writer at a time, and exports them in pages with the keys that verify them', async () => {
    // Two replicas' jobs at once: one writes, the other finds the lock taken (or nothing left).
    const dataSource = stack.apps.distributor.get(DataSource);
    const [one, two] = await Promise.all([new CheckpointService(dataSource).writeCheckpoint(), new CheckpointService(dataSource).writeCheckpoint()]);
    const written = [one, two].filter((c) => c !== null);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ sequence: 1, previousDigest: null });
    expect(written[0]!.heads.map((h) => `${h.orderId} ${h.seq}`).sort()).toEqual(
      expect.arrayContaining([`${a} ${original.a.length}`, `${b} ${original.b.length}`]),
    );
    // Nothing grew since: no checkpoint.
    expect(await checkpoints().writeCheckpoint()).toBeNull();

    // A third order grows the log: the next checkpoint holds its head alone, chained to the first.
    const c = await completedOrder('NUT-M8');
    const second = await checkpoints().writeCheckpoint();
    expect(second).toMatchObject({ sequence: 2, previousDigest: written[0]!.digest });
    expect(second!.heads.map((h) => h.orderId)).toEqual([c]);

    const first = await auditor().get('/audit/checkpoints').query({ limit: 1 }).expect(200);
    expect(first.body.checkpoints.map((x: { sequence: number }) => x.sequence)).toEqual([1]);
    expect(first.body.next).toBe(1);
    const rest = await auditor().get('/audit/checkpoints').query({ after: first.body.next, limit: 1 }).expect(200);
    expect(rest.body.checkpoints.map((x: { sequence: number }) => x.sequence)).toEqual([2]);
    const end = await auditor().get('/audit/checkpoints').query({ after: 2 }).expect(200);
    expect(end.body).toMatchObject({ checkpoints: [], next: null });
    expect(first.body.publicKeys).toEqual(
      expect.arrayContaining([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: written[0]!.keyId })]),
    );
    const bad = await auditor().get('/audit/checkpoints').query({ after: 'x' }).expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))]).toEqual(['after']);
    await stack.as('muster-maschinenbau').distributor.get('/audit/checkpoints').expect(403);

    const result = await verify(a);
    expect(result).toMatchObject({ intact: true, anchors: { checkpoints: { status: 'checked', latest: { id: 1, seq: original.a.length } } } });
    const timeline: TimelineEntry[] = (await auditor().get(`/audit/orders/${a}/timeline`).expect(200)).body;
    expect(timeline.map((e) => e.coveredBy)).toEqual(original.a.map(() => ['history', 'checkpoint:1']));
    const csv = (await auditor().get(`/audit/orders/${a}/timeline.csv`).expect(200)).text.split('\r\n');
    expect(csv[0].split(',').at(-1)).toBe('coveredBy');
    expect(csv[1].split(',').at(-1)).toBe('history checkpoint:1');
  });

  describe('with the workflow history', () => {
    it.each(CASES)('finds %s, which the chain alone does not', async (_name, change) => {
      const touched = await tamper(change);
      try {
        for (const orderId of touched) {
          expect(await chainOnly(orderId)).toMatchObject({ intact: true });
          const result = await verify(orderId);
          expect(result).toMatchObject({ intact: false, firstBroken: { anchor: 'history' }, anchors: { history: { status: 'disagrees' } } });
          expect(result.firstBroken.reason).toMatch(/workflow history/);
          // The checkpoint disagrees as well: either anchor alone is enough.
          expect(result.anchors.checkpoints.status).toBe('disagrees');
        }
      } finally {
        await restore();
      }
      expect((await verify(a)).intact).toBe(true);
    });
  });

  it('shows a removed checkpoint', async () => {
    const [removed] = (await stack.db.query(`DELETE FROM distributor.order_log_checkpoints WHERE sequence = 1 RETURNING *`)).rows;
    try {
      expect(await verify(a)).toMatchObject({
        intact: false,
        firstBroken: { seq: 0, anchor: 'checkpoint', reason: 'checkpoint 2: checkpoints 1 to 1 are missing' },
        anchors: { checkpoints: { status: 'broken' } },
      });
    } finally {
      await stack.db.query(
        `INSERT INTO distributor.order_log_checkpoints SELECT * FROM jsonb_populate_record(null::distributor.order_log_checkpoints, $1::jsonb)`,
        [JSON.stringify(removed)],
      );
    }
    expect((await verify(a)).intact).toBe(true);
  });

  it('exports a bundle that verifies offline with the public key alone, and fails once tampered with', async () => {
    const dir = scratch();
    const bundleFile = join(dir, 'bundle.json');
    const env = { TRADELANE_AUDIT_URL: await stack.apps.distributor.getUrl(), TRADELANE_AUDIT_TOKEN: tokenFor('tradelane-audit') };
    const exported = await runNode('audit.mjs', ['export', a, '--out', bundleFile], env);
    expect(exported).toMatchObject({ code: 0 });
    const listed = await runNode('audit.mjs', ['checkpoints', '--after', '1'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).checkpoints.map((c: { sequence: number }) => c.sequence)).toEqual([2]);
    const publicKey = process.env.IDENTITY_PUBLIC_KEYS_FILE!;
    const ok = await runNode('verify-offline.mjs', ['--public-key', publicKey, bundleFile]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ intact: true, orderId: a, entries: original.a.length, coveredTo: original.a.length });
    // The same through the CLI, and with the key as a JWK set.
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
    const jwks = join(dir, 'keys.json');
    writeFileSync(jwks, JSON.stringify({ keys: bundle.publicKeys }));
    expect((await runNode('audit.mjs', ['verify-offline', '--public-key', jwks, bundleFile])).code).toBe(0);

    // An entry edited and every later hash recomputed inside the bundle: the checkpoint disagrees.
    const edited = structuredClone(bundle);
    edited.entries[2].payload = { forged: true };
    for (let i = 2; i < edited.entries.length; i++) {
      edited.entries[i].prevHash = edited.entries[i - 1].hash;
      edited.entries[i].hash = entryHash(edited.entries[i].prevHash, edited.entries[i]);
    }
    const editedFile = join(dir, 'edited.json');
    writeFileSync(editedFile, JSON.stringify(edited));
    const caught = await runNode('verify-offline.mjs', ['--public-key', publicKey, editedFile]);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toContain(`not intact: entry ${edited.entries.length}'s hash is not the one checkpoint 1 recorded`);

    // The checkpoint's head changed to match: its signature (digest) no longer holds.
    const forged = structuredClone(edited);
    forged.checkpoints[0].heads = forged.checkpoints[0].heads.map((h: { orderId: string }) => (h.orderId === a ? { ...h, hash: edited.entries.at(-1).hash } : h));
    writeFileSync(editedFile, JSON.stringify(forged));
    const unsigned = await runNode('verify-offline.mjs', ['--public-key', publicKey, editedFile]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('checkpoint 1: digest does not match its content');

    // A key the auditor does not hold verifies nothing.
    const otherKey = join(dir, 'other.pem');
    const { generateKeyPairSync } = await import('node:crypto');
    writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const foreign = await runNode('verify-offline.mjs', ['--public-key', otherKey, bundleFile]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/signed with key \w+, which the public key file does not hold/);
  });

  it('says the history anchor is unavailable when Temporal does not answer, rather than failing', async () => {
    const config = stack.apps.distributor.get<TemporalConfig>(temporalConfig.KEY);
    const unreachable = new Client({ connection: await Connection.connect({ address: '127.0.0.1:1', connectTimeout: 500 }).catch(() => Connection.lazy({ address: '127.0.0.1:1' })) });
    const anchor = await new WorkflowReplayService(unreachable, config).historyAnchor(a);
    expect(anchor).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^Temporal did not give the workflow history/) });
  });

  describe('with the workflow history gone (retention), on the checkpoints alone', () => {
    beforeAll(async () => {
      for (const orderId of [a, b]) {
        await stack.temporal.workflowService.deleteWorkflowExecution({
          namespace: stack.temporal.options.namespace,
          workflowExecution: { workflowId: `order:${orderId}` },
        });
      }
      await eventually('both histories gone', async () => {
        const results = await Promise.all([a, b].map(verify));
        return results.every((r) => r.anchors.history.status === 'unavailable') ? results : undefined;
      });
    });

    it('says the history is unavailable, not broken, and keeps the checkpoint as the anchor', async () => {
      const result = await verify(a);
      expect(result).toMatchObject({
        intact: true,
        anchors: {
          history: { status: 'unavailable', reason: 'the workflow history is gone (past the namespace retention, or deleted)', lastAnchoredSeq: null },
          checkpoints: { status: 'checked', latest: { id: 1, seq: original.a.length } },
        },
      });
      const timeline: TimelineEntry[] = (await auditor().get(`/audit/orders/${a}/timeline`).expect(200)).body;
      expect(timeline.map((e) => e.coveredBy)).toEqual(original.a.map(() => ['checkpoint:1']));
    });

    it.each(CASES)('finds %s', async (_name, change) => {
      const touched = await tamper(change);
      try {
        for (const orderId of touched) {
          expect(await chainOnly(orderId)).toMatchObject({ intact: true });
          const result = await verify(orderId);
          expect(result).toMatchObject({ intact: false, firstBroken: { anchor: 'checkpoint' }, anchors: { history: { status: 'unavailable' }, checkpoints: { status: 'disagrees' } } });
          expect(result.firstBroken.reason).toMatch(/checkpoint 1 recorded/);
        }
      } finally {
        await restore();
      }
      expect((await verify(a)).intact).toBe(true);
    });
  });
});
