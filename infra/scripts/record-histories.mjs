// Records the replay gate's histories for the version in package.json, once: a release's
// generation is added, never refreshed (docs/versioning.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dir = join(root, 'test/histories', version);

if (existsSync(dir)) {
  console.error(
    `histories:record: ${relative(root, dir)} exists. A release's saved histories are never refreshed; ` +
      'raise the version in package.json for a change to the workflow, then record that release.',
  );
  process.exit(2);
}

// Every test in these files that drives an order down a path of the flow saves its history.
const paths = ['workflows/order/order.workflow.spec.ts', 'test/replay/order-paths.spec.ts'];
const jest = join(root, 'node_modules/.bin/jest');
const run = (args, env = {}) => spawnSync(jest, ['--runInBand', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

const recorded = run(paths, { SAVE_HISTORIES: dir });
if (recorded.status !== 0) {
  rmSync(dir, { recursive: true, force: true });
  console.error('histories:record: a path failed; nothing was kept');
  process.exit(1);
}
// The gate itself says whether the new generation covers every path and replays.
const gate = run(['test/replay/saved-histories.spec.ts']);
if (gate.status !== 0) {
  rmSync(dir, { recursive: true, force: true });
  console.error(`histories:record: the gate refused ${relative(root, dir)}; nothing was kept`);
  process.exit(1);
}
console.log(`histories:record: release ${version}'s histories are in ${relative(root, dir)}`);
