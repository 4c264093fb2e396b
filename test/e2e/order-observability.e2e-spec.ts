import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Worker } from '@temporalio/worker';
import type { OrderView } from '@tradelane/contracts';
import { orderViewQuery } from '@tradelane/workflows';
import { configureLogging, SERVICE_ATTRIBUTE, startTracing, stopTracing } from '@tradelane/platform';
import { purchaseOrder } from '../support/purchase-orders';
import { answerAutomatically, eventually, startStack, type Stack } from '../support/stack';

type Line = Record<string, unknown> & { msg?: string };

/**
 * One order from the buyer's clerk, signed in with a password, to the gateway's transfer notice,
 * with every log line of the process captured and every span kept in memory.
 */
describe('an order in the logs and in one trace', () => {
  const captured: string[] = [];
  const exporter = new InMemorySpanExporter();
  let stack: Stack;
  const used: string[] = [];
  let orderId: string;
  let requestId: string;
  let clerk: { personId: string };

  beforeAll(async () => {
    configureLogging({
      level: 'debug',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          captured.push(...chunk.toString('utf8').split('\n').filter(Boolean));
          done();
        },
      }),
    });
    startTracing({ exporter });
    stack = await startStack();
    await answerAutomatically(stack);

    const { people } = JSON.parse(readFileSync(process.env.IDENTITY_BOOTSTRAP_FILE as string, 'utf8')) as {
      people: { email: string; password: string }[];
    };
    const person = people.find((p) => p.email === 'clerk@muster-maschinenbau.example')!;
    await stack.http.distributor.post('/auth/sign-in').send({ email: person.email, password: `${person.password}-wrong` }).expect(401);
    const { sessionToken } = (await stack.http.distributor.post('/auth/sign-in').send({ email: person.email, password: person.password }).expect(201)).body;
    const { accessToken } = (await stack.http.distributor.post('/auth/session-token').send({ sessionToken }).expect(201)).body;
    used.push(sessionToken, accessToken);

    requestId = `po-${Date.now()}`;
    const submitted = await stack.http.distributor
      .post('/purchase-orders')
      .set('Authorization', `Bearer ${accessToken}`)
      .set('X-Request-Id', requestId)
      .send(purchaseOrder([{ sku: 'NUT-M8', quantity: 1000 }]))
      .expect(201);
    expect(submitted.headers['x-request-id']).toBe(requestId);
    orderId = submitted.body.orderId;
    clerk = (await stack.db.query(`SELECT id AS "personId" FROM distributor.people WHERE email = $1`, [person.email])).rows[0];

    const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);
    const confirmed = await eventually('the order confirmation', async () => {
      const view = await handle.query(orderViewQuery);
      return view.waitingFor.some((w) => w.kind === 'payment') ? view : undefined;
    });
    await stack.as('muster-maschinenbau').buyer
      .post(`/orders/${orderId}/payment-notice`)
      .send({ amountMinor: confirmed.confirmation!.amountDue.amountMinor, currency: 'EUR' })
      .expect(200);
    const final: OrderView = await handle.result();
    expect(final.status).toBe('completed');
    // Workflow spans leave the sandbox after the run's last task.
    await eventually('the workflow run span', async () =>
      exporter.getFinishedSpans().some((s) => s.name === 'RunWorkflow:orderWorkflow') ? true : undefined,
    );
  });

  afterAll(async () => {
    await stack?.close();
    await stopTracing();
    configureLogging({ level: 'warn' });
  });

  const lines = (): Line[] => captured.map((text) => JSON.parse(text) as Line);
  const aboutTheOrder = () => lines().filter((l) => l.orderId === orderId);

  it('never logs a secret, a password or a token', () => {
    const bootstrap = JSON.parse(readFileSync(process.env.IDENTITY_BOOTSTRAP_FILE as string, 'utf8')) as {
      organisations: { apiKey: string }[];
      people: { password: string }[];
    };
    const signingKey = readFileSync(process.env.IDENTITY_SIGNING_KEY_FILE as string, 'utf8')
      .split('\n')
      .filter((row) => row && !row.startsWith('-----'));
    const secrets: [string, string][] = [
      ...bootstrap.organisations.map((o, i): [string, string] => [`API key ${i}`, o.apiKey]),
      ...bootstrap.people.map((p, i): [string, string] => [`password ${i}`, p.password]),
      ...signingKey.map((row, i): [string, string] => [`signing key row ${i}`, row]),
      ['transfer notice secret', process.env.TRANSFER_NOTICE_SECRET!],
      ['gateway API key', process.env.TRANSFER_NOTICE_API_KEY!],
      ['session token', used[0]],
      ['access token', used[1]],
    ];
    expect(secrets.every(([, s]) => s && s.length >= 16)).toBe(true);
    expect(captured.length).toBeGreaterThan(50);
    const all = captured.join('\n');
    // Names, not values, so that a failure does not print the secret.
    expect(secrets.filter(([, s]) => all.includes(s)).map(([name]) => name)).toEqual([]);
    // The gateway's own token, and any other, has a JWT's shape whoever got it.
    expect(all).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}/);
  });

  it('names the request, the caller, the order and the trace on the lines of the purchase order', () => {
    const submitted = lines().filter((l) => l.requestId === requestId);
    expect(submitted.length).toBeGreaterThan(0);
    for (const line of submitted) {
      expect(line).toMatchObject({ service: 'tradelane-distributor', organisationId: 'muster-maschinenbau', personId: clerk.personId });
      expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(submitted.find((l) => l.msg === 'request completed')).toMatchObject({
      orderId,
      workflowId: `order:${orderId}`,
      req: { method: 'POST', url: '/purchase-orders' },
      res: { statusCode: 201 },
    });
  });

  it('names the order, its workflow and its trace on the workers\' lines, activities included', () => {
    const about = aboutTheOrder();
    expect(new Set(about.map((l) => l.service))).toEqual(
      new Set(['tradelane-distributor', 'tradelane-supplier', 'tradelane-carrier', 'tradelane-buyer', 'tradelane-payment-gateway']),
    );
    for (const line of about) expect(line.workflowId).toBe(`order:${orderId}`);
    const orderTrace = lines().find((l) => l.requestId === requestId && l.msg === 'request completed')!.traceId;
    // The SDK's line after each of the order's activities, on the worker of the party that ran it
    const finished = about.filter((l) => l.msg === 'Activity completed');
    // (the gateway's may come after the order finished, when the capture was read)
    expect([...new Set(finished.map((l) => l.service))]).toEqual(
      expect.arrayContaining(['tradelane-distributor', 'tradelane-supplier', 'tradelane-carrier', 'tradelane-buyer']),
    );
    for (const line of finished) {
      expect(line).toMatchObject({ component: 'temporal:worker', activity: expect.any(String), traceId: orderTrace });
    }
    const stockInquiry = finished.find((l) => l.activity === 'receiveStockInquiry');
    expect(stockInquiry).toMatchObject({ service: 'tradelane-supplier', orderId, workflowId: `order:${orderId}` });
    console.log(`an activity's line: ${captured.find((text) => text.includes('"Activity completed"') && text.includes('receiveStockInquiry'))}`);
  });

  it('traces the order from POST /purchase-orders to the transfer notice webhook in one trace', () => {
    const spans = exporter.getFinishedSpans();
    const post = spans.find((s) => s.name === 'POST /purchase-orders' && s.attributes[SERVICE_ATTRIBUTE] === 'tradelane-distributor');
    expect(post).toBeDefined();
    const trace = spans.filter((s) => s.spanContext().traceId === post!.spanContext().traceId);
    const names = (service: string) => new Set(trace.filter((s) => s.attributes[SERVICE_ATTRIBUTE] === service).map((s) => s.name));

    const distributor = names('tradelane-distributor');
    for (const name of ['POST /purchase-orders', 'StartWorkflow:orderWorkflow', 'RunWorkflow:orderWorkflow', 'POST /transfer-notices']) {
      expect(distributor).toContain(name);
    }
    expect([...names('tradelane-supplier')].some((n) => n.startsWith('RunActivity:'))).toBe(true);
    expect([...names('tradelane-carrier')].some((n) => n.startsWith('RunActivity:'))).toBe(true);
    const gateway = names('tradelane-payment-gateway');
    expect([...gateway].some((n) => n.startsWith('RunActivity:'))).toBe(true);
    // SQL of every party, and the gateway's fetch of the distributor's webhook
    expect(trace.some((s) => s.name.startsWith('pg.query') && s.attributes[SERVICE_ATTRIBUTE] === 'tradelane-payment-gateway')).toBe(true);
    const webhook = trace.find((s) => s.name === 'POST /transfer-notices')!;
    const delivery = trace.find((s) => s.spanContext().spanId === webhook.parentSpanId);
    expect(delivery?.attributes[SERVICE_ATTRIBUTE]).toBe('tradelane-payment-gateway');
    console.log(`one order's spans by service:\n${describeTrace(trace)}`);
  });
});


describe('a traced order', () => {
  it('replays from its history with the workflow code that ran it, queries and update validations included', async () => {
    startTracing({ exporter: new InMemorySpanExporter() });
    const stack = await startStack();
    try {
      await answerAutomatically(stack);
      const submitted = await stack.as('muster-maschinenbau').distributor
        .post('/purchase-orders')
        .send(purchaseOrder([{ sku: 'NUT-M8', quantity: 500 }]))
        .expect(201);
      const handle = stack.temporal.workflow.getHandle(submitted.body.workflowId);
      // Queries run only live: anything they did to the workflow's state would show on replay.
      const confirmed = await eventually('the order confirmation', async () => {
        const view = await handle.query(orderViewQuery);
        return view.waitingFor.some((w) => w.kind === 'payment') ? view : undefined;
      });
      await stack.as('muster-maschinenbau').buyer
        .post(`/orders/${submitted.body.orderId}/payment-notice`)
        .send({ amountMinor: confirmed.confirmation!.amountDue.amountMinor, currency: 'EUR' })
        .expect(200);
      await handle.result();
      const history = await handle.fetchHistory();
      await expect(
        Worker.runReplayHistory({ workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! } }, history, submitted.body.workflowId),
      ).resolves.toBeUndefined();
    } finally {
      await stack.close();
      await stopTracing();
    }
  });
});

function describeTrace(spans: ReadableSpan[]): string {
  const byService = new Map<string, Map<string, number>>();
  for (const span of spans) {
    const service = String(span.attributes[SERVICE_ATTRIBUTE] ?? '(test client)');
    const names = byService.get(service) ?? new Map<string, number>();
    names.set(span.name, (names.get(span.name) ?? 0) + 1);
    byService.set(service, names);
  }
  return [...byService]
    .map(([service, names]) => `${service}: ${[...names].map(([n, c]) => (c > 1 ? `${n} ×${c}` : n)).join(', ')}`)
    .join('\n');
}
