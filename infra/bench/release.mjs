// Arm R: the last release (release.json) rebuilt from its commit and started beside this commit's
// stack, on the same Temporal server (a namespace of its own) and the same PostgreSQL (a database
// of its own), so that A is measured against what was released in the same run.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../scripts/free-port.mjs';
import { PORT_VARIABLES, untilUp } from '../scripts/stack-process.mjs';
import { cacheRoot } from '../temporal/ensure-cli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const host = '127.0.0.1';

/** The newest release recorded in release.json. */
export function lastRelease() {
  const { releases } = JSON.parse(readFileSync(join(root, 'release.json'), 'utf8'));
  if (!releases?.length) throw new Error('release.json records no release: arm R has nothing to run');
  return releases.at(-1);
}

export const releaseNamespace = (release) => `tradelane-release-${release.version}`;
const releaseDatabase = (release) => `tradelane_release_${release.version.replace(/[^0-9A-Za-z]/g, '_')}`;

function run(command, args, cwd, log) {
  log(`release build: ${command} ${args.join(' ')}`);
  // npm ci would leave out the dev dependencies the build needs under NODE_ENV=production.
  const env = { ...process.env };
  delete env.NODE_ENV;
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env });
}

/**
 * The release's whole tree out of git, its own dependencies from its package-lock (`npm ci`) and
 * its own `npm run build`, in the user's cache beside the upgrade test's bundle, once per commit.
 * Built in a scratch folder and renamed when done, so an interrupted build is never taken as built.
 */
export function buildRelease(release, { log }) {
  const dir = join(cacheRoot(), 'releases', `${release.version}-${release.commit.slice(0, 12)}-stack`);
  const marker = join(dir, '.built.json');
  if (existsSync(marker)) {
    log(`release ${release.version} already built in ${dir} (${JSON.parse(readFileSync(marker, 'utf8')).seconds} s at the time)`);
    return dir;
  }
  const started = Date.now();
  let tar;
  try {
    tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', release.commit], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  } catch (error) {
    throw new Error(
      `release ${release.version}'s commit ${release.commit} is not in this clone (${String(error.message).trim()}); a shallow clone lacks it: run \`git fetch --unshallow\``,
    );
  }
  const scratch = `${dir}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  execFileSync('tar', ['-x', '-C', scratch], { input: tar });
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], scratch, log);
  run('npm', ['run', 'build'], scratch, log);
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(join(scratch, '.built.json'), `${JSON.stringify({ ...release, builtAt: new Date().toISOString(), seconds })}\n`);
  // Two benches building at once: the first one done wins, the other's copy is dropped.
  if (existsSync(marker)) rmSync(scratch, { recursive: true, force: true });
  else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(scratch, dir);
  }
  log(`release ${release.version} built in ${dir} in ${seconds} s`);
  return dir;
}

/** The release's own namespace on the shared server, registered once; resolves when it takes workflows. */
async function provideNamespace(connection, namespace) {
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: 3 * 86400 } });
  } catch (error) {
    if (!/already exists|AlreadyExists/i.test(String(error.message))) throw error;
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`namespace ${namespace} did not become usable: ${error.message}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** A database of the release's own in the shared PostgreSQL (dropped first: every run starts fresh). */
async function provideDatabase(adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The release's five services started by its own start.mjs, pointed at the shared Temporal server
 * (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE) and PostgreSQL (DATABASE_URL): its start.mjs then starts
 * neither itself, and applies its own migrations and demo data to its own database.
 */
export async function startReleaseStack({ release, dir, temporalAddress, databaseUrl, connection, env = {}, log }) {
  const namespace = releaseNamespace(release);
  await provideNamespace(connection, namespace);
  const releaseUrl = await provideDatabase(databaseUrl, releaseDatabase(release));
  const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-bench-release-'));
  if (process.getuid?.() === 0) chmodSync(dataDir, statSync(dataDir).mode | 0o011);
  const ports = {};
  for (const variable of Object.values(PORT_VARIABLES)) ports[variable] = await freePort();
  const childEnv = { ...process.env, ...env, TRADELANE_DATA_DIR: dataDir, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_NAMESPACE: namespace, DATABASE_URL: releaseUrl };
  for (const name of ['TRANSFER_NOTICE_URL', 'IDENTITY_TOKEN_URL', 'TEMPORAL_TASK_QUEUE_PREFIX']) delete childEnv[name];
  for (const [variable, port] of Object.entries(ports)) childEnv[variable] = String(port);
  log(`starting release ${release.version} from ${dir} (namespace ${namespace}, database ${releaseDatabase(release)})`);
  const child = spawn(process.execPath, [join(dir, 'infra/scripts/start.mjs')], { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  child.once('exit', () => process.off('exit', stopOnExit));
  const output = await untilUp(child, { what: `release ${release.version}`, onOutput: (chunk) => process.env.BENCH_VERBOSE && process.stderr.write(chunk) });
  return {
    release,
    namespace,
    urls: Object.fromEntries(Object.entries(PORT_VARIABLES).map(([role, variable]) => [role, `http://${host}:${ports[variable]}`])),
    databaseUrl: releaseUrl,
    dataDir,
    rootPids: [child.pid],
    output,
    stop: () =>
      new Promise((r) => {
        const done = () => {
          if (!process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
          r();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
      }),
  };
}

/**
 * Whether the release's answers name who gave them in their bodies (0.1.0's `paidBy`, `answeredBy`,
 * …; later code takes that from the token and refuses the field), read from the buyer's published
 * payment notice schema.
 */
export async function namesActors(urls) {
  const doc = await (await fetch(`${urls.buyer}/docs/openapi.json`)).json();
  const body = doc.paths?.['/orders/{orderId}/payment-notice']?.post?.requestBody?.content?.['application/json']?.schema;
  const schema = body?.$ref ? doc.components?.schemas?.[body.$ref.split('/').at(-1)] : body;
  if (!schema) throw new Error(`the release's buyer API publishes no POST /orders/{orderId}/payment-notice body: the bench cannot drive it`);
  return Boolean(schema.properties?.paidBy);
}

/** The release's processes, named apart from this commit's (`release:service:distributor`). */
export const asRelease = (processes) => processes.map((p) => ({ ...p, component: `release:${p.component}` }));

// `node infra/bench/release.mjs`: build the last release into the cache and say how long it took.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildRelease(lastRelease(), { log: (m) => console.log(`[bench] ${m}`) });
}
