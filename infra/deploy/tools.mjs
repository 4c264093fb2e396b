// The deploy checker's tools, found in or built once into the cache folder outside the clone
// (keyed by version, as the temporal CLI is: see infra/temporal/ensure-cli.mjs), so that fresh
// clones and CI reuse them: helm and compose-go's validator with `go install`, kubernetes-validate
// (which ships the Kubernetes JSON schemas, so validation needs no network) in a Python venv.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheRoot } from '../temporal/ensure-cli.mjs';
import { buildOnce, goInstallOnce, onPath } from '../scripts/go-install.mjs';

export const HELM = { name: 'helm', module: 'helm.sh/helm/v3/cmd/helm', version: 'v3.22.0', built: 'helm' };
// compose-go's own validator (the loader docker compose uses); v2.17 needs Go 1.26.11, v2.16.2 takes 1.24.
export const COMPOSE_SPEC = { name: 'compose-spec', module: 'github.com/compose-spec/compose-go/v2/cmd', version: 'v2.16.2', built: 'cmd' };
export const KUBERNETES_VALIDATE_VERSION = '1.37.0';

function run(command, args, env) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** The path of a Go tool's binary in the cache, built with `go install` the first time. */
export function ensureGoTool(tool, { log = (m) => console.error(m) } = {}) {
  const dir = join(cacheRoot(), tool.name, tool.version);
  const target = join(dir, tool.name);
  if (existsSync(target)) return target;
  if (!onPath('go')) throw new Error(`${tool.name} ${tool.version} is not in ${dir} and there is no Go to build it: install Go >= 1.26`);
  const built = goInstallOnce({
    dir,
    packages: [`${tool.module}@${tool.version}`],
    binaries: { [tool.built]: target },
    what: `${tool.name} ${tool.version}`,
    log: (m) => log(`[deploy] ${m}`),
    env: { GOTOOLCHAIN: 'local' },
  });
  if (!built) throw new Error(`${tool.name} ${tool.version} could not be built with Go (see the lines above)`);
  return target;
}

/** The kubernetes-validate command in its own venv in the cache, installed from PyPI the first time. */
export function ensureKubernetesValidate({ log = (m) => console.error(m) } = {}) {
  const dir = join(cacheRoot(), 'kubernetes-validate', KUBERNETES_VALIDATE_VERSION);
  const target = join(dir, 'venv', 'bin', 'kubernetes-validate');
  if (existsSync(target)) return target;
  buildOnce(dir, () => existsSync(target), () => {
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
  return target;
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
