// Builds Go tools once into a cache folder outside the clone (keyed by version by the caller), so
// fresh clones and CI reuse them: the temporal CLI, the Temporal server, the deploy check's tools.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

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

/**
 * Runs `build` once across processes (two test runs, a test run and `npm start` may race for a
 * first build): one builds, the others wait until `isBuilt()`. Answers `isBuilt()` at the end.
 */
export function buildOnce(dir, isBuilt, build, giveUpWaitingAfterMs = 30 * 60_000) {
  if (isBuilt()) return true;
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, '.building');
  for (let waited = 0; ; waited += 2000) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (isBuilt()) return true;
      // A build that died leaves its lock behind.
      if (waited > giveUpWaitingAfterMs) rmSync(lock, { recursive: true, force: true });
      sleep(2000);
    }
  }
  try {
    if (!isBuilt()) build();
    return isBuilt();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * `go install`s `packages` (each `module/path@version`) into `dir` and moves each built binary
 * (named after its package folder) to its target path: `binaries` maps built name → target.
 * Answers whether every target exists afterwards.
 */
export function goInstallOnce({ dir, packages, binaries, what, log, giveUpWaitingAfterMs, env = {} }) {
  const isBuilt = () => Object.values(binaries).every((target) => existsSync(target));
  if (isBuilt()) return true;
  const go = onPath('go');
  if (!go) return false;
  return buildOnce(
    dir,
    isBuilt,
    () => {
      const staging = join(dir, `.staging-${process.pid}`);
      mkdirSync(staging, { recursive: true });
      try {
        log(`Building ${what} with Go into ${dir} (first time only; a few minutes)...`);
        const started = Date.now();
        // The lowest CPU priority: the machines that build these are shared with test runs.
        const nice = onPath('nice');
        const [command, args] = nice ? [nice, ['-n', '19', go, 'install', ...packages]] : [go, ['install', ...packages]];
        const result = spawnSync(command, args, {
          env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0', GOFLAGS: '-mod=mod', ...env },
          stdio: ['ignore', 'inherit', 'inherit'],
        });
        if (result.status !== 0) return log(`go install ${packages.join(' ')} failed (exit ${result.status ?? result.signal}).`);
        for (const [name, target] of Object.entries(binaries)) renameSync(join(staging, name), target);
        log(`Built ${what} in ${Math.round((Date.now() - started) / 1000)} s.`);
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    },
    giveUpWaitingAfterMs,
  );
}
