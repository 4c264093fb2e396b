import { bundleWorkflowCode } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface Release {
  version: string;
  commit: string;
}

/** The releases recorded in release.json, oldest first. */
export function releases(): Release[] {
  return (JSON.parse(readFileSync(join(ROOT, 'release.json'), 'utf8')) as { releases: Release[] }).releases;
}

/**
 * The order workflow as the release shipped it, bundled from the release's commit: its workflows/
 * and libs/contracts/ are taken out of git into the user's cache (beside the temporal CLI) and
 * bundled once per commit against this project's own @temporalio/workflow.
 */
export async function releaseBundle(release: Release): Promise<{ codePath: string }> {
  const cache = process.env.TRADELANE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tradelane');
  const dir = join(cache, 'releases', `${release.version}-${release.commit.slice(0, 12)}`);
  const codePath = join(dir, 'workflow-bundle.js');
  if (existsSync(codePath)) return { codePath };
  let tar: Buffer;
  try {
    tar = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', release.commit, 'workflows', 'libs/contracts'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(
      `release ${release.version}'s commit ${release.commit} is not in this clone (${(error as Error).message.trim()}); ` +
        'a shallow clone lacks it: run `git fetch --unshallow`',
    );
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  const quiet = () => undefined;
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(dir, 'workflows/order/index.ts'),
    // The release's code sits outside the project, so its imports resolve from the project's node_modules.
    webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, modules: [join(ROOT, 'node_modules'), 'node_modules'] } }),
    logger: { trace: quiet, debug: quiet, info: quiet, warn: console.warn, error: console.error, log: quiet },
  });
  writeFileSync(codePath, code);
  return { codePath };
}
