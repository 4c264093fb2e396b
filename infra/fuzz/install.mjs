// Installs schemathesis (pinned) into .venv-fuzz/ at the repo root; does nothing if it is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMATHESIS_VERSION = '4.32.5';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const venv = join(root, '.venv-fuzz');
export const python = join(venv, 'bin', 'python');
export const st = join(venv, 'bin', 'st');

function installedVersion() {
  if (!existsSync(python)) return undefined;
  const probe = spawnSync(python, ['-c', 'import importlib.metadata as m; print(m.version("schemathesis"))'], {
    encoding: 'utf8',
  });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

export function ensureSchemathesis() {
  if (installedVersion() === SCHEMATHESIS_VERSION && existsSync(st)) return;
  const python3 = process.env.PYTHON ?? 'python3';
  console.log(`[fuzz] installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}`);
  if (!existsSync(python)) execFileSync(python3, ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`], {
    stdio: 'inherit',
  });
  const version = installedVersion();
  if (version !== SCHEMATHESIS_VERSION) throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} did not install (found ${version ?? 'none'})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureSchemathesis();
