// PostgreSQL refuses to run as root. As root, the server runs as the `postgres` user instead,
// and everything it opens (binaries, data folder) must be where that user can reach it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

const NAME = 'postgres';

function ids() {
  try {
    const uid = Number(execFileSync('id', ['-u', NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { name: NAME, uid, gid };
  } catch {
    return undefined;
  }
}

/** The account the server runs as, made if it is missing; undefined when not root (it runs as us). */
export function serverAccount({ log = () => {} } = {}) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const found = ids();
  if (found) return found;
  log(`[postgres] adding a system user "${NAME}" to run PostgreSQL as (it refuses to run as root)`);
  spawnSync('groupadd', ['--system', NAME], { stdio: 'ignore' });
  const made = spawnSync('useradd', ['--system', '--gid', NAME, '--no-create-home', '--shell', '/usr/sbin/nologin', NAME], { stdio: 'inherit' });
  const account = ids();
  if (made.status !== 0 || !account) throw new Error(`could not add the "${NAME}" user that PostgreSQL runs as when started as root`);
  return account;
}

/** Whether `account` (or we, without one) can enter the folder `path` (or run the file): it and every folder above it searchable. */
export function canReach(account, path) {
  if (!account) return existsSync(path);
  return spawnSync('test', ['-x', path], { uid: account.uid, gid: account.gid, stdio: 'ignore' }).status === 0;
}

/** The closest folder at or above `path` that exists. */
export function nearestExisting(path) {
  while (!existsSync(path)) path = dirname(path);
  return path;
}
