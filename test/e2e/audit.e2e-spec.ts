import { bundleWorkflowCode } from '@temporalio/worker';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OrderView, RecordedMessage } from '@tradelane/contracts';
import { orderViewQuery } from '@tradelane/workflows';
import { canonicalJson } from '../../apps/distributor/src/order-messages/order-log-hash';
import { OrderMessagesService } from '../../apps/distributor/src/order-messages/order-messages.service';
import { WorkflowReplayService } from '../../apps/distributor/src/audit/workflow-replay.service';
import { OrderLogHashChain1764200000000 } from '../../apps/distributor/src/database/migrations/1764200000000-order-log-hash-chain';
import { temporalConfig, type TemporalConfig } from '@tradelane/platform';
import type { TimelineEntry } from '../../apps/distributor/src/audit/timeline';
import { tokenFor } from '../support/identity';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, startStack, type Stack } from '../support/stack';


const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** Two people of two organisations, each signed in: their tokens, not the bodies, name them. */
const ANNA = { email: 'anna@acme-steel.example' };
const JONAS = { email: 'jonas@muster.example' };

/** RFC 4180, enough for the export: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The CLI as an auditor runs it: by default with the token an auditor was given in TRADELANE_AUDIT_TOKEN. */
function runCli(
  args: string[],
  baseUrl: string,
  env: Record<string, string | undefined> = { TRADELANE_AUDIT_TOKEN: tokenFor('tradelane-audit') },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { TRADELANE_AUDIT_TOKEN: _inherited, TRADELANE_DATA_DIR: _dataDir, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(__dirname, '../../infra/scripts/audit.mjs'), ...args],
      { env: { ...inherited, ...env, TRADELANE_AUDIT_URL: baseUrl }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * An auditor reconstructs finished orders: the timeline with who acted, the hash chain that shows
 * an altered row, the raw history, and replay against the workflow code deployed now.
 */
describe('auditing orders', () => {
  let stack: Stack;
  let windowStart: Date;
  let windowEnd: Date;
  let completed: string;
  let cancelled: string;

  beforeAll(async () => {
    stack = await startStack();
    await answerAutomatically(stack);
    windowStart = new Date();

    // The buyer's Jonas submits and pays and acme-steel's clerk answers by hand, each signed in as
    // themselves, so two people show in the timeline, named by their tokens; all else is automatic.
    const buyer = stack.as('muster-maschinenbau', undefined, JONAS);
    const acme = stack.as('acme-steel', undefined, ANNA);
    await acme.supplier.put('/suppliers/acme-steel/answer-mode').send({ answerMode: 'manual' }).expect(200);
    const submitted = await buyer.distributor
      .post('/purchase-orders')
      .send(purchaseOrder([{ sku: 'NUT-M8', quantity: 400 }, { sku: 'BEARING-6204', quantity: 40 }]))
      .expect(201);
    completed = submitted.body.orderId;
    const inquiry = await eventually('the stock inquiry to acme-steel', async () => {
      const res = await acme.supplier.get('/suppliers/acme-steel/stock-inquiries').query({ status: 'open' }).expect(200);
      return (res.body as { inquiryId: string; orderId: string; lines: { lineNo: number; quantity: number }[] }[]).find(
        (i) => i.orderId === completed,
      );
    });
    await acme.supplier
      .post(`/stock-inquiries/${inquiry.inquiryId}/answer`)
      .send({ lines: inquiry.lines.map((l) => ({ lineNo: l.lineNo, quantityCommitted: l.quantity })) })
      .expect(200);
    const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);
    const confirmed = await eventually('the order confirmation', async () => {
      const view = await handle.query(orderViewQuery);
      return view.waitingFor.some((w) => w.kind === 'payment') ? view : undefined;
    });
    await buyer.buyer
      .post(`/orders/${completed}/payment-notice`)
      .send({ amountMinor: confirmed.confirmation!.amountDue.amountMinor, currency: 'EUR' })
      .expect(200);
    expect(((await handle.result()) as OrderView).status).toBe('completed');

    await acme.supplier.put('/suppliers/acme-steel/answer-mode').send({ answerMode: 'automatic' }).expect(200);
    // acme-steel, the only supplier of BEAM-200, cannot commit this much: the order cancels.
    const short = await buyer.distributor.post('/purchase-orders').send(purchaseOrder([{ sku: 'BEAM-200', quantity: 100000 }])).expect(201);
    cancelled = short.body.orderId;
    expect(((await stack.temporal.workflow.getHandle(short.body.workflowId).result()) as OrderView).status).toBe('cancelled');
    windowEnd = new Date();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const auditor = () => stack.as('tradelane-audit').distributor;

  it('tells the story of a finished order: all eight steps, each with its actor, time and payload digest', async () => {
    const timeline: TimelineEntry[] = (await auditor().get(`/audit/orders/${completed}/timeline`).expect(200)).body;
    const messages: RecordedMessage[] = (await auditor().get(`/orders/${completed}/messages`).expect(200)).body;
    expect(timeline.map((e) => e.seq)).toEqual(messages.map((_, i) => i + 1));
    expect([...new Set(timeline.filter((e) => e.kind === 'message').map((e) => e.step))].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const [i, e] of timeline.entries()) {
      expect(e.at).toBe(messages[i].sentAt);
      expect(e.digest).toBe(createHash('sha256').update(canonicalJson(messages[i].payload)).digest('hex'));
    }

    const who = (e: TimelineEntry) =>
      `${e.name}: ${e.actor.role}/${e.actor.id}${e.actor.person ? ` (${e.actor.person})` : ''} -> ${e.to.role}/${e.to.id}`;
    const stories = timeline.map(who);
    expect(stories[0]).toBe(`purchase-order: buyer/muster-maschinenbau (${JONAS.email}) -> distributor/tradelane`);
    expect(stories).toEqual(
      expect.arrayContaining([
        'stock-inquiry: distributor/tradelane -> supplier/acme-steel',
        `stock-answer: supplier/acme-steel (${ANNA.email}) -> distributor/tradelane`,
        'stock-answer: supplier/nordic-parts -> distributor/tradelane',
        'order-confirmation: distributor/tradelane -> buyer/muster-maschinenbau',
        `payment-notice: buyer/muster-maschinenbau (${JONAS.email}) -> payment-gateway/tradelane-pay`,
      ]),
    );
    // The transfer notice settles the order after its payment; a dispatch may still follow it,
    // as transport and payment run side by side.
    const transfer = stories.findIndex((s) => /^transfer-notice: payment-gateway\/\S+ -> distributor\/tradelane$/.test(s));
    expect(transfer).toBeGreaterThan(stories.findIndex((s) => s.startsWith('payment-notice')));
    const byName = (name: string) => timeline.filter((e) => e.name === name);
    expect(byName('shipping-quote').every((e) => e.actor.role === 'carrier' && e.to.role === 'distributor')).toBe(true);
    expect(byName('dispatch-notice').every((e) => e.actor.role === 'distributor' && e.to.role === 'supplier')).toBe(true);
    expect(byName('transport-notice').every((e) => e.actor.role === 'distributor' && e.to.role === 'carrier')).toBe(true);
    // Only the two people who acted are named; automatic answers name nobody.
    expect(timeline.filter((e) => e.actor.person).map((e) => e.actor.person)).toEqual([JONAS.email, ANNA.email, JONAS.email]);
    expect(byName('stock-answer').find((e) => e.actor.person)!.summary).toBe('stock answer: 1 line, 400 committed');
  });

  it('exports the same timeline as CSV', async () => {
    const timeline: TimelineEntry[] = (await auditor().get(`/audit/orders/${completed}/timeline`).expect(200)).body;
    const res = await auditor().get(`/audit/orders/${completed}/timeline.csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="order-${completed}-timeline.csv"`);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(['seq', 'at', 'step', 'kind', 'name', 'actorRole', 'actorId', 'actorPerson', 'toRole', 'toId', 'digest', 'summary', 'coveredBy']);
    expect(rows).toEqual(
      timeline.map((e) => [
        String(e.seq), e.at, e.step === null ? '' : String(e.step), e.kind, e.name,
        e.actor.role, e.actor.id, e.actor.person ?? '', e.to.role, e.to.id, e.digest, e.summary, e.coveredBy.join(' '),
      ]),
    );
    const person = header.indexOf('actorPerson');
    const named = rows.filter((r) => r[person] !== '').map((r) => `${r[header.indexOf('name')]} ${r[person]}`);
    expect(named).toEqual([`purchase-order ${JONAS.email}`, `stock-answer ${ANNA.email}`, `payment-notice ${JONAS.email}`]);
  });

  it('chains entries written before the hash chain existed when the migration is applied', async () => {
    const before = await stack.db.query(`SELECT seq, prev_hash, hash FROM distributor.order_messages WHERE order_id = $1 ORDER BY seq`, [completed]);
    const queryRunner = { query: async (sql: string, params?: unknown[]) => (await stack.db.query(sql, params)).rows };
    const migration = new OrderLogHashChain1764200000000();
    await migration.down(queryRunner as never);
    await migration.up(queryRunner as never);
    const after = await stack.db.query(`SELECT seq, prev_hash, hash FROM distributor.order_messages WHERE order_id = $1 ORDER BY seq`, [completed]);
    expect(after.rows).toEqual(before.rows);
    expect((await auditor().get(`/audit/orders/${completed}/verify`).expect(200)).body.intact).toBe(true);
  });

  it('records an entry once, chained to the one before, and waits for a predecessor not yet recorded', async () => {
    const log = stack.apps.distributor.get(OrderMessagesService);
    const orderId = randomUUID();
    const entry = (seq: number, payload: unknown) => ({
      orderId, seq, step: null, name: 'reminder' as const,
      sender: { role: 'distributor' as const, id: 'tradelane' }, receiver: { role: 'buyer' as const, id: 'b1' },
      sentAt: new Date().toISOString(), payload,
    });
    await expect(log.recordMessages([entry(2, { n: 2 })])).rejects.toMatchObject({ type: 'OrderLogOutOfOrder', nonRetryable: false });
    await log.recordMessages([entry(1, { n: 1 })]);
    await log.recordMessages([entry(2, { n: 2 })]);
    // Stamped later, as a retried workflow task stamps it: the same entry, not another one.
    await log.recordMessages([entry(2, { n: 2 })]);
    const { rows: once } = await stack.db.query(`SELECT seq FROM distributor.order_messages WHERE order_id = $1`, [orderId]);
    expect(once).toHaveLength(2);
    await log.recordMessages([entry(2, { n: 'another entry under a taken number' })]);
    const { rows } = await stack.db.query(`SELECT seq, payload, prev_hash, hash FROM distributor.order_messages WHERE order_id = $1 ORDER BY seq`, [orderId]);
    expect(rows.map((r: { seq: number; payload: unknown }) => [r.seq, r.payload])).toEqual([[1, { n: 1 }], [2, { n: 2 }], [3, { n: 'another entry under a taken number' }]]);
    expect(rows[0].prev_hash).toBeNull();
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].prev_hash).toBe(rows[1].hash);
    expect(rows[1].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the chain intact, and names the exact entry altered in the database', async () => {
    const intact = await auditor().get(`/audit/orders/${cancelled}/verify`).expect(200);
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM distributor.order_messages WHERE order_id = $1`, [cancelled]);
    expect(intact.body).toMatchObject({ orderId: cancelled, intact: true, entries: rows[0].n });
    expect(rows[0].n).toBeGreaterThan(3);

    await stack.db.query(
      `UPDATE distributor.order_messages SET payload = jsonb_set(payload, '{reason}', '"nothing to see"') WHERE order_id = $1 AND seq = 3`,
      [cancelled],
    );
    const broken = await auditor().get(`/audit/orders/${cancelled}/verify`).expect(200);
    expect(broken.body).toMatchObject({
      orderId: cancelled,
      intact: false,
      entries: rows[0].n,
      firstBroken: { seq: 3, reason: 'hash does not match its content', anchor: 'chain' },
    });
  });

  it("downloads the order workflow's raw Temporal history as JSON", async () => {
    const res = await auditor().get(`/audit/orders/${completed}/history`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="order-${completed}-history.json"`);
    const history = JSON.parse(res.text);
    expect(history.events.length).toBeGreaterThan(20);
    expect(history.events[0].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(history.events.at(-1).eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
  });

  it('replays a closed order against the workflow code deployed now', async () => {
    const { runId } = await stack.temporal.workflow.getHandle(`order:${completed}`).describe();
    const res = await auditor().get(`/audit/orders/${completed}/replay`).expect(200);
    expect(res.body).toEqual({ orderId: completed, workflowId: `order:${completed}`, runId, verdict: 'replayed' });
  });

  it('reports the first divergence and why when the deployed code would not make the recorded run', async () => {
    // A changed orderWorkflow that starts with a timer where the recorded run scheduled an activity.
    const dir = mkdtempSync(join(process.env.TRADELANE_TEST_SCRATCH ?? tmpdir(), 'changed-workflow-'));
    writeFileSync(
      join(dir, 'index.js'),
      `const { sleep } = require('@temporalio/workflow');\nexports.orderWorkflow = async () => { await sleep('1 minute'); };\n`,
    );
    const { code } = await bundleWorkflowCode({
      workflowsPath: join(dir, 'index.js'),
      webpackConfigHook: (config) => ({
        ...config,
        resolve: { ...config.resolve, modules: [join(__dirname, '../../node_modules'), 'node_modules'] },
      }),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    });
    writeFileSync(join(dir, 'bundle.js'), code);
    const config = stack.apps.distributor.get<TemporalConfig>(temporalConfig.KEY);
    const changed = new WorkflowReplayService(stack.temporal, { ...config, workflowBundlePath: join(dir, 'bundle.js') });
    const verdict = await changed.replay(completed);
    expect(verdict).toMatchObject({ orderId: completed, verdict: 'diverged', error: { type: 'DeterminismViolationError' } });
    expect(verdict.error!.message).toMatch(/nondetermin/i);
    expect(verdict.error!.eventId).toBeGreaterThan(0);
  });

  it('replays every order closed in a window, one verdict each', async () => {
    const window = { closedAfter: windowStart.toISOString(), closedBefore: new Date(windowEnd.getTime() + 1000).toISOString() };
    // Visibility lags the close of a workflow a little.
    const res = await eventually('both orders in the visibility store', async () => {
      const r = await auditor().get('/audit/replays').query(window).expect(200);
      return r.body.verdicts.length >= 2 ? r : undefined;
    });
    expect(res.body).toMatchObject({ ...window, limit: 1000, truncated: false, replayed: 2, diverged: 0 });
    expect(res.body.verdicts.map((v: { orderId: string; verdict: string }) => `${v.orderId} ${v.verdict}`).sort()).toEqual(
      [`${completed} replayed`, `${cancelled} replayed`].sort(),
    );
    const before = await auditor().get('/audit/replays').query({ closedAfter: '2020-01-01T00:00:00Z', closedBefore: windowStart.toISOString() }).expect(200);
    expect(before.body.verdicts).toEqual([]);
  });

  it('answers an unknown order with 404 and a malformed id or window with 400 naming the parameter', async () => {
    for (const path of ['timeline', 'timeline.csv', 'verify', 'history', 'replay']) {
      const missing = await auditor().get(`/audit/orders/${UNKNOWN}/${path}`).expect(404);
      expect(missing.body.type).toBe('urn:tradelane:problem:not-found');
      const bad = await auditor().get(`/audit/orders/not-an-order/${path}`).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'orderId', message: 'must be a UUID' }]);
    }
    const badWindow = await auditor().get('/audit/replays').query({ closedAfter: 'yesterday', closedBefore: '2026-01-01T00:00:00Z' }).expect(400);
    expect(badWindow.body.errors.map((e: { field: string }) => e.field)).toEqual(['closedAfter']);
    const missingEnd = await auditor().get('/audit/replays').query({ closedAfter: '2026-01-01T00:00:00Z' }).expect(400);
    expect(missingEnd.body.errors.map((e: { field: string }) => e.field)).toEqual(['closedBefore']);
    const backwards = await auditor().get('/audit/replays').query({ closedAfter: '2026-01-02T00:00:00Z', closedBefore: '2026-01-01T00:00:00Z' }).expect(422);
    expect(backwards.body.errors).toEqual([{ field: 'closedBefore', message: 'must not be before closedAfter' }]);
  });

  it('is read-only: the auditor API takes no writes', async () => {
    await auditor().post(`/audit/orders/${completed}/verify`).expect(404);
    await auditor().delete(`/audit/orders/${completed}/timeline`).expect(404);
  });

  it('is usable from the command line, exiting non-zero on a broken chain', async () => {
    const url = await stack.apps.distributor.getUrl();
    const ok = await runCli(['verify', completed], url);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ orderId: completed, intact: true });
    const broken = await runCli(['verify', cancelled], url);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ intact: false, firstBroken: { seq: 3 } });

    const csv = await runCli(['timeline', completed, '--csv'], url);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe((await auditor().get(`/audit/orders/${completed}/timeline.csv`)).text);
    const replay = await runCli(['replay', completed], url);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout).verdict).toBe('replayed');
    const window = await runCli(['replay-window', '--from', windowStart.toISOString(), '--to', new Date().toISOString()], url);
    expect(window.code).toBe(0);
    expect(JSON.parse(window.stdout).verdicts).toHaveLength(2);

    const unknown = await runCli(['verify', UNKNOWN], url);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('404');
    const usage = await runCli(['replay-window', '--from', windowStart.toISOString()], url);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run audit');

    // It sends the token it is given: another party's is refused.
    const buyerToken = await runCli(['verify', completed], url, { TRADELANE_AUDIT_TOKEN: tokenFor('muster-maschinenbau') });
    expect(buyerToken.code).toBe(1);
    expect(buyerToken.stderr).toContain('403');
    // Without one it trades tradelane-audit's API key, kept where the stack was started (here the test run's data dir).
    const dataDir = dirname(dirname(process.env.IDENTITY_SIGNING_KEY_FILE!));
    const traded = await runCli(['verify', completed], url, { TRADELANE_DATA_DIR: dataDir });
    expect(traded.code).toBe(0);
    expect(JSON.parse(traded.stdout)).toMatchObject({ orderId: completed, intact: true });
    const keyless = await runCli(['verify', completed], url, { TRADELANE_DATA_DIR: mkdtempSync(join(process.env.TRADELANE_TEST_SCRATCH ?? tmpdir(), 'no-keys-')) });
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toContain('TRADELANE_AUDIT_TOKEN');
  });
});
