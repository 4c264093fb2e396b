// `npm run fuzz`: starts the whole stack on free ports with a fresh data folder, runs schemathesis
// against every service's OpenAPI document (valid and invalid input, as the parties that use each
// service), writes a summary to .tmp/fuzz/ and exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStackProcess } from '../scripts/stack-process.mjs';
import { readApiKey, tradeApiKey } from '../identity/credentials.mjs';
import { ensureSchemathesis, st } from './install.mjs';
import { seedObjects, serviceClient } from './seed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, '.tmp', 'fuzz');
const host = '127.0.0.1';

/** Test cases per operation and phase; FUZZ_MAX_EXAMPLES raises it for a longer run. */
const maxExamples = Number(process.env.FUZZ_MAX_EXAMPLES ?? 40);
/** A request slower than this fails the run. */
const maxResponseSeconds = Number(process.env.FUZZ_MAX_RESPONSE_SECONDS ?? 3);
const checks = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'missing_required_header',
  'ignored_auth',
];

/**
 * Which organisations fuzz which service (the roles that use most of it, and an auditor for the
 * reads across parties), and which real objects its path parameters should name half of the time.
 * `only` limits a run to the paths that role may use at all; `skip` leaves paths out of one run.
 */
const services = [
  {
    name: 'buyer',
    portVar: 'BUYER_PORT',
    as: ['muster-maschinenbau', 'tradelane-audit'],
    ids: (o) => ({ orderId: o.orderIds }),
  },
  {
    name: 'distributor',
    portVar: 'DISTRIBUTOR_PORT',
    as: ['muster-maschinenbau', 'tradelane-ops', 'tradelane-audit', 'tradelane-pay'],
    only: { 'tradelane-pay': '^/transfer-notices$' },
    // The operator would point organisations' identity providers at random hosts, which the
    // public OIDC sign-in then asks over the internet (a 502 when they do not answer). Auditors
    // still fuzz reading them, and every other role the refusal to set them.
    skip: { 'tradelane-ops': '/identity-provider$' },
    ids: (o) => ({ orderId: o.orderIds, organisationId: [o.buyer, o.supplier, ...Object.keys(o.shippingInquiryIds)], personId: o.personIds }),
  },
  {
    name: 'supplier',
    portVar: 'SUPPLIER_PORT',
    as: ['acme-steel', 'tradelane-audit'],
    ids: (o) => ({ inquiryId: o.stockInquiryIds, supplierId: [o.supplier] }),
  },
  {
    name: 'carrier',
    portVar: 'CARRIER_PORT',
    as: ['baltic-lines', 'rhein-freight'],
    ids: (o, organisationId) => ({
      inquiryId: o.shippingInquiryIds[organisationId] ?? [],
      noticeId: [o.transportNotice.noticeId],
      carrierId: [organisationId],
    }),
  },
  {
    name: 'payment-gateway',
    portVar: 'PAYMENT_GATEWAY_PORT',
    as: ['tradelane-pay', 'muster-maschinenbau'],
    ids: (o) => ({ buyerId: [o.buyer] }),
  },
];
const SEEDING_ORGANISATIONS = ['muster-maschinenbau', 'acme-steel', 'baltic-lines', 'rhein-freight'];

function say(message) {
  console.log(`[fuzz] ${message}`);
}

async function startStack(dataDir) {
  const log = join(outDir, 'stack.log');
  writeFileSync(log, '');
  return startStackProcess({
    dataDir,
    env: {
      // The fuzzer is one client sending thousands of requests; a 429 would hide what the rest finds.
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_TOKEN_PER_MINUTE: '1000',
      IDENTITY_TOKEN_TTL_SECONDS: '3600',
    },
    onOutput: (chunk) => appendFileSync(log, chunk),
  });
}

/** Exchanges each organisation's API key for a token; none when the stack issues no credentials. */
async function tokens(dataDir, distributorPort) {
  const dir = join(dataDir, 'credentials');
  if (!existsSync(dir)) return undefined;
  const out = {};
  const wanted = new Set([...services.flatMap((s) => s.as), ...SEEDING_ORGANISATIONS]);
  for (const organisationId of wanted) {
    const apiKey = readApiKey(dataDir, organisationId);
    if (!apiKey) throw new Error(`no API key for ${organisationId} in ${dir}`);
    out[organisationId] = (await tradeApiKey(`http://${host}:${distributorPort}/auth/token`, apiKey)).accessToken;
  }
  return out;
}

/**
 * Schemathesis talks to the service through this pass-through proxy, so the run knows exactly how
 * many requests reached the service (the checks send some of their own) and what they answered.
 */
function countingProxy(targetPort) {
  const stats = { requests: 0, statuses: {}, slowestMs: 0 };
  const server = createServer((req, res) => {
    stats.requests += 1;
    const started = performance.now();
    const upstream = request(
      { host, port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        stats.statuses[answer.statusCode] = (stats.statuses[answer.statusCode] ?? 0) + 1;
        res.writeHead(answer.statusCode, answer.statusMessage, answer.headers);
        answer.pipe(res);
        answer.once('end', () => {
          stats.slowestMs = Math.max(stats.slowestMs, Math.round(performance.now() - started));
        });
      },
    );
    upstream.once('error', () => {
      stats.statuses.unreachable = (stats.statuses.unreachable ?? 0) + 1;
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((r) =>
    server.listen(0, host, () =>
      r({ port: server.address().port, stats, close: () => new Promise((done) => server.close(done)) }),
    ),
  );
}

/** The checked-in settings plus this run's real ids as dictionaries for the path parameters. */
function writeConfig(dir, ids) {
  const lines = [readFileSync(join(root, 'infra/fuzz/schemathesis.toml'), 'utf8')];
  for (const [name, values] of Object.entries(ids)) {
    if (values.length) lines.push(`[dictionaries.${name}]`, `values = ${JSON.stringify(values)}`, '');
  }
  lines.push('[parameters]');
  for (const [name, values] of Object.entries(ids)) {
    if (values.length) lines.push(`"path.${name}" = { dictionary = "${name}", probability = 0.5 }`);
  }
  const file = join(dir, 'schemathesis.toml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function runSchemathesis(label, servicePort, token, ids, onlyPaths, skipPaths) {
  const proxy = await countingProxy(servicePort);
  const port = proxy.port;
  const dir = join(outDir, label);
  mkdirSync(dir, { recursive: true });
  const args = [
    '--config-file',
    writeConfig(dir, ids),
    'run',
    `http://${host}:${port}/docs/openapi.json`,
    '--checks',
    checks.join(','),
    '--mode',
    'all',
    '--max-examples',
    String(maxExamples),
    '--max-response-time',
    String(maxResponseSeconds),
    '--request-timeout',
    String(maxResponseSeconds * 3),
    '--phases',
    'examples,coverage,fuzzing',
    '--generation-database',
    'none',
    '--seed',
    process.env.FUZZ_SEED ?? '20261125',
    '--report',
    'junit,ndjson',
    '--report-dir',
    dir,
    '--report-junit-path',
    join(dir, 'junit.xml'),
    '--report-ndjson-path',
    join(dir, 'events.ndjson'),
    '--no-color',
    '--warnings',
    'off',
  ];
  args.push('-H', `Authorization: Bearer ${token}`);
  if (onlyPaths) args.push('--include-path-regex', onlyPaths);
  if (skipPaths) args.push('--exclude-path-regex', skipPaths);
  const started = Date.now();
  const { code, output } = await new Promise((r) => {
    // Its replay files (.schemathesis/) land beside the reports, not in the work tree.
    const child = spawn(st, args, { cwd: outDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (c) => (text += c));
    child.stderr.on('data', (c) => (text += c));
    child.once('exit', (exitCode) => r({ code: exitCode, output: text }));
  });
  await proxy.close();
  writeFileSync(join(dir, 'output.txt'), output);
  return {
    label,
    code,
    seconds: (Date.now() - started) / 1000,
    requests: proxy.stats.requests,
    statuses: proxy.stats.statuses,
    slowestMs: proxy.stats.slowestMs,
    testCases: testCasesOf(dir),
    summary: output.match(/Test cases:\s*([^\n]*)/)?.[1]?.trim(),
    output,
  };
}

/** Test cases schemathesis generated, from its NDJSON events. */
function testCasesOf(dir) {
  const file = join(dir, 'events.ndjson');
  if (!existsSync(file)) return 0;
  let cases = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"ScenarioFinished"')) continue;
    cases += Object.keys(JSON.parse(line).ScenarioFinished.recorder?.cases ?? {}).length;
  }
  return cases;
}

async function main() {
  ensureSchemathesis();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-fuzz-'));
  const started = Date.now();
  let stack;
  const results = [];
  try {
    say(`starting the stack (data in ${dataDir})`);
    stack = await startStack(dataDir);
    const { ports } = stack;
    say(`stack up in ${Math.round((Date.now() - started) / 1000)} s`);
    const byOrganisation = await tokens(dataDir, ports.DISTRIBUTOR_PORT);
    if (!byOrganisation) throw new Error('the stack wrote no API keys to fuzz with');
    const call = serviceClient(
      Object.fromEntries(services.map((s) => [s.name, `http://${host}:${ports[s.portVar]}`])),
      (organisationId) => byOrganisation[organisationId],
    );
    const objects = await seedObjects(call);
    say(
      `seeded ${objects.orderIds.length} orders, ${objects.stockInquiryIds.length} stock inquiries, ` +
        `${Object.values(objects.shippingInquiryIds).flat().length} shipping inquiries and a transport notice to ${objects.transportNotice.carrierId}`,
    );
    for (const service of services) {
      for (const organisationId of service.as) {
        const label = `${service.name}-as-${organisationId}`;
        const result = await runSchemathesis(
          label,
          ports[service.portVar],
          byOrganisation[organisationId],
          service.ids(objects, organisationId),
          service.only?.[organisationId],
          service.skip?.[organisationId],
        );
        results.push(result);
        say(
          `${label}: ${result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`}, ` +
            `${result.requests} requests (${Object.entries(result.statuses).map(([k, v]) => `${v}×${k}`).join(' ')}), ` +
            `slowest ${result.slowestMs} ms, ${result.seconds.toFixed(0)} s` +
            (result.summary ? ` [${result.summary}]` : ''),
        );
        if (result.code !== 0) console.log(result.output.split('\n').slice(-120).join('\n'));
      }
    }
  } finally {
    await stack?.stop(30_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const total = results.reduce((n, r) => n + r.requests, 0);
  const failed = results.filter((r) => r.code !== 0);
  const seconds = Math.round((Date.now() - started) / 1000);
  const perService = Object.fromEntries(
    services.map((s) => [s.name, results.filter((r) => r.label.startsWith(`${s.name}-as-`)).reduce((n, r) => n + r.requests, 0)]),
  );
  const summary = {
    finishedAt: new Date().toISOString(),
    seconds,
    maxExamples,
    maxResponseSeconds,
    checks,
    totalRequests: total,
    requestsPerService: perService,
    runs: results.map(({ output, ...r }) => r),
  };
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `[fuzz] ${failed.length ? 'FAILED' : 'passed'}: ${total} requests over ${results.length} runs of 5 services in ${seconds} s` +
      ` (${Object.entries(perService).map(([k, v]) => `${k} ${v}`).join(', ')})` +
      (failed.length ? `; failing: ${failed.map((r) => r.label).join(', ')}` : '') +
      ` (details in ${outDir})`,
  );
  // The plain closing line a CI reads: runs of schemathesis that passed and failed.
  console.log(`fuzz: ${results.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length || results.length === 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`[fuzz] ${error.stack ?? error}`);
  process.exitCode = 1;
});
