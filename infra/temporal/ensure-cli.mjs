// Finds the temporal CLI (dev server + Web UI in one binary), or builds it once with Go
// into a cache folder outside the clone, keyed by version, so fresh clones and CI reuse it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// v1.5.1 is the newest release `go install` accepts: later go.mod files carry a replace directive.
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

export function cacheRoot() {
  const base = process.env.TRADELANE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tradelane');
  return base;
}

export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function buildWithGo(target, log) {
  const go = onPath('go');
  if (!go) return undefined;
  const dir = join(cacheRoot(), 'temporal-cli', TEMPORAL_CLI_VERSION);
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, '.building');
  // Two test runs or a test run and `npm start` may race for the first build.
  for (let waited = 0; ; waited += 2000) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(target)) return target;
      if (waited > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      sleep(2000);
    }
  }
  try {
    if (existsSync(target)) return target;
    const staging = join(dir, `.staging-${process.pid}`);
    mkdirSync(staging, { recursive: true });
    log(`Building the temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${dir} (first time only; a few minutes)...`);
    const started = Date.now();
    const result = spawnSync(go, ['install', `${MODULE}@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) {
      rmSync(staging, { recursive: true, force: true });
      log(`go install ${MODULE}@${TEMPORAL_CLI_VERSION} failed (exit ${result.status}).`);
      return undefined;
    }
    renameSync(join(staging, 'temporal'), target);
    rmSync(staging, { recursive: true, force: true });
    log(`Built the temporal CLI in ${Math.round((Date.now() - started) / 1000)} s.`);
    return target;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The path of a temporal CLI binary: configured, cached, on the PATH, or built now with Go; else undefined. */
export function findOrBuildTemporalCli({ log = (m) => console.error(m) } = {}) {
  const configured = process.env.TEMPORAL_CLI_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`TEMPORAL_CLI_PATH=${configured} does not exist`);
    return configured;
  }
  const cached = join(cacheRoot(), 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
  if (existsSync(cached)) return cached;
  const installed = onPath('temporal');
  if (installed) return installed;
  return buildWithGo(cached, log);
}

export const INSTALL_ADVICE = [
  'No Temporal server is available, and none could be provided.',
  'Do one of these:',
  '  - point TEMPORAL_ADDRESS at a running Temporal server (host:port);',
  '  - set TEMPORAL_CLI_PATH to a temporal CLI binary (https://docs.temporal.io/cli);',
  `  - install Go >= 1.25 (https://go.dev/dl/): the project then builds the temporal CLI ${TEMPORAL_CLI_VERSION} itself`,
  `    (GOBIN=<cache> go install ${MODULE}@${TEMPORAL_CLI_VERSION});`,
  '  - install a JDK >= 11 and Maven: the project then runs Temporal\'s Java test server from Maven Central.',
].join('\n');

/** Returns the path of a temporal CLI binary, building it if it has to. Throws with install advice if it cannot. */
export function ensureTemporalCli(options) {
  const binary = findOrBuildTemporalCli(options);
  if (!binary) throw new Error(INSTALL_ADVICE);
  return binary;
}

export function temporalCliVersion(binary) {
  return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const binary = ensureTemporalCli();
    console.log(`${binary}\n${temporalCliVersion(binary)}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
