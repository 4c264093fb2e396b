// Finds the temporal CLI (dev server + Web UI in one binary), or builds it once with Go
// into a cache folder outside the clone, keyed by version, so fresh clones and CI reuse it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { goInstallOnce, onPath } from '../scripts/go-install.mjs';

// v1.5.1 is the newest release `go install` accepts: later go.mod files carry a replace directive.
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

export function cacheRoot() {
  const base = process.env.TRADELANE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tradelane');
  return base;
}

export { onPath };

function buildWithGo(target, log) {
  const dir = join(cacheRoot(), 'temporal-cli', TEMPORAL_CLI_VERSION);
  const built = goInstallOnce({
    dir,
    packages: [`${MODULE}@${TEMPORAL_CLI_VERSION}`],
    binaries: { temporal: target },
    what: `the temporal CLI ${TEMPORAL_CLI_VERSION}`,
    log,
    giveUpWaitingAfterMs: 15 * 60_000,
  });
  return built ? target : undefined;
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
