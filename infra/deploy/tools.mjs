// The deploy checker's tools, found in or built once into the cache folder outside the clone
// (keyed by version, as the temporal CLI is: see infra/temporal/ensure-cli.mjs), so that fresh
// clones and CI reuse them: helm and compose-go's validator with `go install`, kubernetes-validate
// (which ships the Kubernetes JSON schemas, so validation needs no network) in a Python venv.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheRoot, onPath } from '../temporal/ensure-cli.mjs';

export const HELM = { name: 'helm', module: 'helm.sh/helm/v3/cmd/helm', version: 'v3.22.0', built: 'helm' };
// compose-go's own validator (the loader docker compose uses); v2.17 needs Go 1.26.11, v2.16.2 takes 1.24.
export const COMPOSE_SPEC = { name: 'compose-spec', module: 'github.com/compose-spec/compose-go/v2/cmd', version: 'v2.16.2', built: 'cmd' };
export const KUBERNETES_VALIDATE_VERSION = '1.37.0';

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs build() once across processes (two checks may race for the first build); returns target. */
function buildOnce(dir, target, build) {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, '.building');
  for (let waited = 0; ; waited += 2000) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(target)) return target;
      if (waited > 20 * 60_000) rmSync(lock, { recursive: true, force: true });
      sleep(2000);
    }
  }
  try {
    if (!existsSync(target)) build();
    return target;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function run(command, args, env) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** The path of a Go tool's binary in the cache, built with `go install` the first time. */
export function ensureGoTool(tool, { log = (m) => console.error(m) } = {}) {
  const dir = join(cacheRoot(), tool.name, tool.version);
  const target = join(dir, tool.name);
  if (existsSync(target)) return target;
  const go = onPath('go');
  if (!go) throw new Error(`${tool.name} ${tool.version} is not in ${dir} and there is no Go to build it: install Go >= 1.26`);
  return buildOnce(dir, target, () => {
    const staging = join(dir, `.staging-${process.pid}`);
    mkdirSync(staging, { recursive: true });
    log(`[deploy] building ${tool.name} ${tool.version} with Go into ${dir} (first time only)...`);
    const started = Date.now();
    // nice: the machine's cores are shared with test runs.
    const [command, args] = onPath('nice') ? ['nice', ['-n', '19', go]] : [go, []];
    try {
      run(command, [...args, 'install', `${tool.module}@${tool.version}`], {
        GOBIN: staging,
        CGO_ENABLED: '0',
        GOFLAGS: '-mod=mod',
        GOTOOLCHAIN: 'local',
      });
      renameSync(join(staging, tool.built), target);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    log(`[deploy] built ${tool.name} in ${Math.round((Date.now() - started) / 1000)} s`);
  });
}

/** The kubernetes-validate command in its own venv in the cache, installed from PyPI the first time. */
export function ensureKubernetesValidate({ log = (m) => console.error(m) } = {}) {
  const dir = join(cacheRoot(), 'kubernetes-validate', KUBERNETES_VALIDATE_VERSION);
  const target = join(dir, 'venv', 'bin', 'kubernetes-validate');
  if (existsSync(target)) return target;
  return buildOnce(dir, target, () => {
    const venv = join(dir, 'venv');
    log(`[deploy] installing kubernetes-validate ${KUBERNETES_VALIDATE_VERSION} into ${venv} (first time only)...`);
    rmSync(venv, { recursive: true, force: true });
    run(process.env.PYTHON ?? 'python3', ['-m', 'venv', venv]);
    run(join(venv, 'bin', 'python'), [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      `kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`,
    ]);
    if (!existsSync(target)) throw new Error(`kubernetes-validate ${KUBERNETES_VALIDATE_VERSION} installed no ${target}`);
  });
}

/** Every tool the deploy check needs, built or installed if missing. */
export function ensureDeployTools(options) {
  return {
    helm: ensureGoTool(HELM, options),
    composeSpec: ensureGoTool(COMPOSE_SPEC, options),
    kubernetesValidate: ensureKubernetesValidate(options),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(JSON.stringify(ensureDeployTools(), null, 2));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
