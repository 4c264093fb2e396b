// Where the PostgreSQL data folder can live when the server runs as the postgres user (as root)
// and the folder asked for is out of that user's reach (a clone under /root, a private TMPDIR).
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { canReach, nearestExisting } from './account.mjs';

/** Root's state folder for what the postgres user keeps on behalf of clones it cannot reach. */
export const SYSTEM_STATE = process.env.TRADELANE_STATE_DIR ?? '/var/lib/tradelane';

function openFolder(dir) {
  if (!existsSync(dir)) {
    openFolder(dirname(dir));
    mkdirSync(dir);
    chmodSync(dir, 0o755);
  }
}

/**
 * @returns {{ dataDir: string, release: () => void }} the folder to use; release() removes a
 * throw-away one.
 */
export function reachableDataFolder(account, wanted, { persistent, log }) {
  const parent = dirname(wanted);
  mkdirSync(parent, { recursive: true });
  if (canReach(account, parent)) {
    return { dataDir: wanted, release: () => (persistent ? undefined : rmSync(wanted, { recursive: true, force: true })) };
  }
  if (!persistent) {
    const scratch = mkdtempSync('/tmp/tradelane-postgres-');
    chmodSync(scratch, 0o755);
    return { dataDir: join(scratch, 'data'), release: () => rmSync(scratch, { recursive: true, force: true }) };
  }
  // Kept in the state folder, named after the folder it stands for; a note beside that folder says
  // where. Without the note (its .data/ was deleted to start from scratch) an old copy is dropped.
  const note = join(parent, `${basename(wanted)}.location`);
  const key = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  const dataDir = join(SYSTEM_STATE, 'postgres', `${basename(dirname(parent)) || 'root'}-${key}`);
  if (!canReach(account, nearestExisting(SYSTEM_STATE))) {
    throw new Error(`the ${account.name} user PostgreSQL runs as cannot reach ${parent}, nor ${SYSTEM_STATE}; set TRADELANE_DATA_DIR (or TRADELANE_STATE_DIR) to a folder it can reach, or DATABASE_URL to a PostgreSQL of your own`);
  }
  const noted = existsSync(note) ? readFileSync(note, 'utf8').trim() : undefined;
  if (noted !== dataDir) rmSync(dataDir, { recursive: true, force: true });
  openFolder(dirname(dataDir));
  writeFileSync(note, `${dataDir}\n`);
  log(`[postgres] the ${account.name} user cannot reach ${parent}, so PostgreSQL keeps its data in ${dataDir} (noted in ${note})`);
  if (existsSync(dataDir)) chownSync(dataDir, account.uid, account.gid);
  return { dataDir, release: () => {} };
}
