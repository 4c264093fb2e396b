// Runs the Temporal server as clusters run it (go.temporal.io/server: frontend, history, matching
// and worker in one process) on PostgreSQL for persistence and SQL visibility, instead of the
// dev server's SQLite. The server and temporal-sql-tool are built once with Go into the cache
// folder outside the clone, keyed by version, like the temporal CLI.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { cacheRoot, ensureTemporalCli } from './ensure-cli.mjs';
import { goInstallOnce } from '../scripts/go-install.mjs';
import { freePort } from '../scripts/free-port.mjs';
import { runServerProcess } from './server-process.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

// The server inside the temporal CLI v1.5.1 the project runs; v1.32 needs a newer Go than 1.26.8.
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';
// `go install` names each binary after its package folder.
const BINARIES = { server: { pkg: 'cmd/server', built: 'server', cached: 'temporal-server' }, sqlTool: { pkg: 'cmd/tools/sql', built: 'sql', cached: 'temporal-sql-tool' } };
const DATABASES = { persistence: 'temporal', visibility: 'temporal_visibility' };

function cacheDir() {
  return join(cacheRoot(), 'temporal-server', TEMPORAL_SERVER_VERSION);
}

function cachedPaths() {
  return { server: join(cacheDir(), BINARIES.server.cached), sqlTool: join(cacheDir(), BINARIES.sqlTool.cached) };
}

const bothExist = (paths) => existsSync(paths.server) && existsSync(paths.sqlTool);

function buildWithGo(log) {
  const target = cachedPaths();
  const built = goInstallOnce({
    dir: cacheDir(),
    packages: Object.values(BINARIES).map((b) => `${MODULE}/${b.pkg}@${TEMPORAL_SERVER_VERSION}`),
    binaries: Object.fromEntries(Object.entries(BINARIES).map(([name, b]) => [b.built, target[name]])),
    what: `the Temporal server ${TEMPORAL_SERVER_VERSION} and temporal-sql-tool (long on 2 cores)`,
    log,
    giveUpWaitingAfterMs: 45 * 60_000,
  });
  return built ? target : undefined;
}

/**
 * The paths of the Temporal server and temporal-sql-tool: configured (TEMPORAL_SERVER_PATH and
 * TEMPORAL_SQL_TOOL_PATH), cached, or built now with Go; else undefined.
 */
export function findOrBuildClusterServer({ log = (m) => console.error(m) } = {}) {
  const configured = { server: process.env.TEMPORAL_SERVER_PATH, sqlTool: process.env.TEMPORAL_SQL_TOOL_PATH };
  if (configured.server || configured.sqlTool) {
    for (const [name, path] of Object.entries(configured)) {
      if (!path || !existsSync(path)) throw new Error(`set both TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH to existing binaries (${name}: ${path ?? 'unset'})`);
    }
    return configured;
  }
  const cached = cachedPaths();
  if (bothExist(cached)) return cached;
  return buildWithGo(log);
}

async function databaseExists(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    return found.rowCount > 0;
  } finally {
    await client.end();
  }
}

async function hasSchemaVersion(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from information_schema.tables where table_name = 'schema_version'");
    return found.rowCount > 0;
  } finally {
    await client.end();
  }
}

function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates the persistence and visibility databases when missing and brings their schemas to
 * the server's version with temporal-sql-tool (its embedded schemas), as a cluster's operator does.
 * Safe to run again on set-up databases: update-schema only applies newer versions.
 */
export async function prepareClusterDatabases({ sqlTool, adminUrl, log = () => {} }) {
  const url = new URL(adminUrl);
  const connection = [
    '--plugin', 'postgres12',
    '--endpoint', url.hostname,
    '--port', url.port || '5432',
    '--user', decodeURIComponent(url.username),
    '--password', decodeURIComponent(url.password),
  ];
  const tool = async (database, ...args) => {
    try {
      await run(sqlTool, [...connection, '--database', database, ...args], { timeout: 120_000 });
    } catch (error) {
      throw new Error(`temporal-sql-tool ${args[0]} on ${database} failed: ${error.stderr || error.stdout || error.message}`);
    }
  };
  for (const [kind, database] of Object.entries(DATABASES)) {
    if (!(await databaseExists(adminUrl, database))) {
      await tool(database, 'create-database', '--defaultdb', url.pathname.slice(1) || 'postgres');
    }
    if (!(await hasSchemaVersion(databaseUrl(adminUrl, database)))) {
      await tool(database, 'setup-schema', '--version', '0.0');
    }
    await tool(database, 'update-schema', '--schema-name', `postgresql/v12/${kind === 'persistence' ? 'temporal' : 'visibility'}`);
    log(`[cluster server] database ${database} ready (schema postgresql/v12)`);
  }
}

const PORT_NAMES = [
  'frontendMembership', 'history', 'historyMembership', 'matching', 'matchingMembership', 'worker', 'workerMembership',
];

/**
 * Writes <folder>/config/tradelane.yaml from infra/temporal/cluster/server.yaml.
 * @param {{ folder: string, adminUrl: string, ports: Record<string, number>, historyShards?: number, logLevel?: string }} options
 */
export function writeClusterConfig({ folder, adminUrl, ports, historyShards = 4, logLevel = 'warn' }) {
  const url = new URL(adminUrl);
  // JSON strings are YAML strings: a password with any character stays one scalar.
  const values = {
    LOG_LEVEL: logLevel,
    HISTORY_SHARDS: String(historyShards),
    PG_ADDRESS: JSON.stringify(`${url.hostname}:${url.port || '5432'}`),
    PG_USER: JSON.stringify(decodeURIComponent(url.username)),
    PG_PASSWORD: JSON.stringify(decodeURIComponent(url.password)),
    PG_DATABASE: DATABASES.persistence,
    PG_VISIBILITY_DATABASE: DATABASES.visibility,
    METRICS: ports.metrics
      ? `  metrics:\n    prometheus:\n      framework: tally\n      timerType: histogram\n      listenAddress: "127.0.0.1:${ports.metrics}"\n`
      : '',
    FRONTEND_PORT: String(ports.frontend),
    FRONTEND_HTTP_PORT: String(ports.frontendHttp ?? 0),
    FRONTEND_MEMBERSHIP_PORT: String(ports.frontendMembership),
    HISTORY_PORT: String(ports.history),
    HISTORY_MEMBERSHIP_PORT: String(ports.historyMembership),
    MATCHING_PORT: String(ports.matching),
    MATCHING_MEMBERSHIP_PORT: String(ports.matchingMembership),
    WORKER_PORT: String(ports.worker),
    WORKER_MEMBERSHIP_PORT: String(ports.workerMembership),
  };
  const template = readFileSync(join(here, 'cluster', 'server.yaml'), 'utf8');
  const config = template.replace(/\$\{([A-Z_]+)\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`cluster/server.yaml names an unknown value \${${name}}`);
    return values[name];
  });
  const dir = join(folder, 'config');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tradelane.yaml'), config, { mode: 0o600 });
  return join(dir, 'tradelane.yaml');
}

async function cli(temporal, args) {
  try {
    const { stdout } = await run(temporal, args, { timeout: 10_000 });
    return { ok: true, stdout };
  } catch (error) {
    return { ok: false, stdout: String(error.stdout ?? ''), stderr: String(error.stderr ?? error.message) };
  }
}

/** Registers the namespace unless it exists, then waits until the frontend serves requests in it. */
async function ensureNamespace({ temporal, address, namespace, retention, timeoutMs }) {
  const at = ['--address', address, '--namespace', namespace];
  if (!(await cli(temporal, ['operator', 'namespace', 'describe', ...at])).ok) {
    const created = await cli(temporal, ['operator', 'namespace', 'create', ...at, '--retention', retention]);
    if (!created.ok && !/already exists/i.test(created.stderr)) {
      throw new Error(`could not register namespace ${namespace}: ${created.stderr}`);
    }
  }
  // The frontend learns of new namespaces by refreshing its cache: wait until a list call works.
  for (const deadline = Date.now() + timeoutMs; ;) {
    const listed = await cli(temporal, ['workflow', 'list', ...at, '--limit', '1']);
    if (listed.ok) return;
    if (Date.now() > deadline) throw new Error(`namespace ${namespace} did not become usable: ${listed.stderr}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Starts the cluster server on PostgreSQL and returns once its frontend answers and the namespace
 * is registered. Ports not given are chosen free; `port` is the frontend's gRPC port.
 * @param {{ adminUrl: string, folder: string, port: number, ports?: Record<string, number>,
 *           namespace?: string, retention?: string, historyShards?: number, logLevel?: string,
 *           logFile?: string, binaries?: { server: string, sqlTool: string }, log?: (m: string) => void }} options
 * @returns {Promise<{ address: string, ports: Record<string, number>, configFile: string, stop: () => Promise<void> }>}
 */
export async function startClusterServer({
  adminUrl, folder, port, ports: given = {}, namespace = 'default', retention = '72h', historyShards, logLevel, logFile,
  binaries, log = (m) => console.error(m),
}) {
  const found = binaries ?? findOrBuildClusterServer({ log });
  if (!found) {
    throw new Error(
      `No Temporal server binary: install Go >= 1.25 (the project then builds ${MODULE} ${TEMPORAL_SERVER_VERSION} itself), `
      + 'or set TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH.',
    );
  }
  const temporal = ensureTemporalCli({ log });
  await prepareClusterDatabases({ sqlTool: found.sqlTool, adminUrl, log });
  const ports = { frontend: port, ...given };
  for (const name of PORT_NAMES) ports[name] ??= await freePort();
  const configFile = writeClusterConfig({ folder, adminUrl, ports, historyShards, logLevel });
  const address = `127.0.0.1:${ports.frontend}`;
  const server = await runServerProcess({
    name: 'Temporal cluster server',
    command: found.server,
    args: ['--root', folder, '--config', 'config', '--env', 'tradelane', '--allow-no-auth', 'start'],
    logFile,
    address,
    timeoutMs: 120_000,
    pollMs: 500,
    ready: async () => {
      const health = await cli(temporal, ['operator', 'cluster', 'health', '--address', address]);
      return health.ok && health.stdout.includes('SERVING');
    },
  });
  try {
    await ensureNamespace({ temporal, address, namespace, retention, timeoutMs: 60_000 });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { address, ports, configFile, stop: () => server.stop() };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binaries = findOrBuildClusterServer();
  if (!binaries) {
    console.error('Could not build the Temporal server: is Go on the PATH?');
    process.exit(1);
  }
  console.log(`${binaries.server}\n${binaries.sqlTool}`);
}
