// `npm start`: Temporal, PostgreSQL, the five party services with their workers, and demo data,
// supervised (supervisor.mjs): a service that dies is restarted, Ctrl-C or SIGTERM stops it all.
// TEMPORAL_ADDRESS or DATABASE_URL point at real ones instead of the embedded defaults.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provideIdentity } from '../identity/credentials.mjs';
import { startEmbeddedPostgres } from '../postgres/embedded.mjs';
import { provideTemporalServer } from '../temporal/provide-server.mjs';
import { isPortFree } from './free-port.mjs';
import { Supervisor } from './supervisor.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const dataDir = resolve(process.env.TRADELANE_DATA_DIR ?? join(root, '.data'));
const host = process.env.HOST ?? '127.0.0.1';

const variable = (role, what) => `${role.toUpperCase().replace('-', '_')}_${what}`;
// Each service's Temporal worker serves the SDK's own metrics on a port of its own (9464 + index).
const services = ['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway'].map((role, i) => ({
  role,
  entry: `apps/${role}/src/main.js`,
  port: Number(process.env[variable(role, 'PORT')] ?? 3001 + i),
  temporalMetricsPort: Number(process.env[variable(role, 'TEMPORAL_METRICS_PORT')] ?? 9464 + i),
}));

const consolePort = Number(process.env.CONSOLE_PORT ?? 3000);
const consoleUrl = (process.env.CONSOLE_PUBLIC_URL ?? `http://${host}:${consolePort}`).replace(/\/$/, '');

function say(message) {
  console.log(`[tradelane] ${message}`);
}

function warn(message) {
  console.error(`[tradelane] ${message}`);
}

const supervisor = new Supervisor({ say, warn });

async function requireFreePort(port, variable) {
  if (!(await isPortFree(port))) {
    throw new Error(`port ${port} is in use; stop what holds it or set ${variable} to another port`);
  }
}

// TRADELANE_CPU_PROFILE_DIR: each service writes a V8 CPU profile there when it stops (for the bench).
const profiling = process.env.TRADELANE_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TRADELANE_CPU_PROFILE_DIR}`] : [];

function runNode(args, env, label) {
  const child = spawn(process.execPath, [...profiling, '-r', 'tsconfig-paths/register', ...args], {
    cwd: root,
    env: { ...process.env, ...env, TS_NODE_BASEURL: dist, TS_NODE_PROJECT: join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) out.write(`[${label}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return child;
}

/**
 * The gateway signs transfer notices and the distributor checks them with one shared secret.
 * Unless TRANSFER_NOTICE_SECRET is given, one is made on the first start and kept under .data/
 * (git-ignored), so that a restart keeps verifying what was signed before it.
 */
function transferNoticeSecret() {
  if (process.env.TRANSFER_NOTICE_SECRET) return process.env.TRANSFER_NOTICE_SECRET;
  const file = join(dataDir, 'transfer-notice-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    say(`made a transfer notice signing secret in ${file}`);
  }
  return readFileSync(file, 'utf8').trim();
}

/** Development defaults for what the environment does not set itself (VAR or VAR_FILE). */
function unlessSet(defaults) {
  return Object.fromEntries(
    Object.entries(defaults).filter(([name]) => !process.env[name] && !process.env[name.replace(/_FILE$/, '')]),
  );
}

async function main() {
  if (!existsSync(join(dist, 'workflow-bundle.js'))) {
    throw new Error('dist/ is missing: run `npm start` (it builds first) or `npm run build`');
  }
  if (!existsSync(join(dist, 'console', 'index.html'))) throw new Error('dist/console is missing: run `npm run build`');
  for (const s of services) {
    await requireFreePort(s.port, variable(s.role, 'PORT'));
    await requireFreePort(s.temporalMetricsPort, variable(s.role, 'TEMPORAL_METRICS_PORT'));
  }
  await requireFreePort(consolePort, 'CONSOLE_PORT');

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalUi = process.env.TEMPORAL_UI_URL;
  if (!temporalAddress) {
    const port = Number(process.env.TEMPORAL_PORT ?? 7233);
    const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
    await requireFreePort(port, 'TEMPORAL_PORT');
    await requireFreePort(uiPort, 'TEMPORAL_UI_PORT');
    const logFile = join(dataDir, 'logs', 'temporal.log');
    const server = await provideTemporalServer({ port, uiPort, dbFile: join(dataDir, 'temporal', 'temporal.db'), logFile, log: say });
    say(`Temporal: ${server.route}${server.pid ? ` (pid ${server.pid})` : ''}`);
    supervisor.server({ name: 'the Temporal server', exited: server.exited, stop: (o) => server.stop(o), hint: `see ${logFile}` });
    temporalAddress = server.address;
    temporalUi = server.uiUrl;
  }

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.POSTGRES_PORT ?? 54329);
    await requireFreePort(port, 'POSTGRES_PORT');
    say('starting embedded PostgreSQL');
    const logFile = join(dataDir, 'logs', 'postgres.log');
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port, persistent: true, logFile, log: say });
    say(`PostgreSQL: data in ${pg.dataDir}, log in ${logFile} (pid ${pg.pid})`);
    supervisor.server({ name: 'PostgreSQL', exited: pg.exited, stop: (o) => pg.stop(o), hint: `see ${logFile}` });
    databaseUrl = pg.url;
  }
  if (supervisor.stopping) return;

  say('applying migrations and demo data');
  const prepare = supervisor.oneOff(runNode([join(dist, 'infra/stack/prepare-database.js'), '--seed'], { DATABASE_URL: databaseUrl }, 'database'));
  const prepared = await new Promise((r) => prepare.once('exit', r));
  if (supervisor.stopping) return;
  if (prepared !== 0) throw new Error('migrations failed; see the output above');

  const identity = provideIdentity(dataDir, { log: say });
  const distributorUrl = `http://${host}:${services.find((s) => s.role === 'distributor').port}`;
  const env = {
    ...unlessSet(identity.env),
    IDENTITY_TOKEN_URL: process.env.IDENTITY_TOKEN_URL ?? `${distributorUrl}/auth/token`,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    WORKFLOW_BUNDLE_PATH: join(dist, 'workflow-bundle.js'),
    TRANSFER_NOTICE_SECRET: transferNoticeSecret(),
    TRANSFER_NOTICE_URL: process.env.TRANSFER_NOTICE_URL ?? `${distributorUrl}/transfer-notices`,
    // the console's server signs people in for them and says who they are
    TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback',
    // The services' output comes through a pipe here; a person at a terminal reads it pretty.
    LOG_FORMAT: process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
  };
  const only = { distributor: unlessSet(identity.issuerEnv), 'payment-gateway': unlessSet(identity.gatewayEnv) };
  await Promise.all(
    services.map((s) =>
      supervisor.service({
        name: s.role,
        healthUrl: `http://${host}:${s.port}/health`,
        spawn: () =>
          runNode(
            [join(dist, s.entry)],
            { ...env, ...only[s.role], PORT: String(s.port), HOST: host, TEMPORAL_METRICS_BIND_ADDRESS: `${host}:${s.temporalMetricsPort}` },
            s.role,
          ),
      }),
    ),
  );

  const serviceUrls = Object.fromEntries(
    services.map((s) => [`${s.role.toUpperCase().replace('-', '_')}_URL`, `http://${host}:${s.port}`]),
  );
  await supervisor.service({
    name: 'console',
    healthUrl: `http://${host}:${consolePort}/health`,
    spawn: () =>
      runNode(
        [join(dist, 'apps/console/server/main.js')],
        { ...serviceUrls, CONSOLE_PORT: String(consolePort), HOST: host, CONSOLE_PUBLIC_URL: consoleUrl, CONSOLE_STATIC_DIR: join(dist, 'console') },
        'console',
      ),
  });

  const people = (identity.people ?? []).map(
    (p) => `    ${p.organisationId.padEnd(20)} ${p.role.padEnd(7)} ${p.email.padEnd(36)} ${p.password}`,
  );
  const lines = [
    '',
    'Tradelane is up.',
    '',
    `  console          ${consoleUrl}`,
    '  sign in as (organisation, role, e-mail, password; kept in ' + `${identity.credentialsDir}):`,
    ...people,
    '',
    ...services.map((s) => `  ${s.role.padEnd(16)} http://${host}:${s.port}   API docs: http://${host}:${s.port}/docs`),
    '',
    '  metrics          (Prometheus text; the service\'s own, and its Temporal worker\'s from the SDK)',
    ...services.map(
      (s) => `  ${s.role.padEnd(16)} http://${host}:${s.port}/metrics   Temporal worker: http://${host}:${s.temporalMetricsPort}/metrics`,
    ),
    '',
    `  Temporal         ${temporalAddress}${temporalUi ? `   Web UI: ${temporalUi}` : ''}`,
    `  PostgreSQL       ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    '',
    `  API keys         ${identity.credentialsDir}/<organisation>.key — trade one for a token: npm run -s token -- <organisation>`,
    '',
    'Walk an order through the eight steps with the curl lines in README.md. A service that dies is restarted;',
    'Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void supervisor.stop(0));
main().catch((error) => {
  if (supervisor.stopping) return;
  warn(error.message ?? String(error));
  void supervisor.stop(1);
});
