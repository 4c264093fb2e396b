import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningDependency {
  port: number;
  /** PostgreSQL's database URL */
  url?: string;
  /** Temporal's frontend address */
  address?: string;
  /** Stops it and waits until its process is gone. */
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL (persistent data folder, so it can be started again with its data) or a real
 * Temporal dev server (in memory), in its own process, on `port` or a free one.
 */
export async function runDependency(kind: 'postgres' | 'temporal', path: string, port = 0): Promise<RunningDependency> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [join(__dirname, 'dependency-process.mjs'), kind, path, String(port)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(String(chunk)));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => JSON.parse(String(line)) as Omit<RunningDependency, 'stop'>),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${kind} did not start (exit ${code}): ${errors.join('')}`);
    }),
  ]);
  return {
    ...first,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin.write('stop\n');
      await exited;
    },
  };
}
