import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';

let installed = false;

/** Temporal's worker runtime logs at WARN, without the notice every activity-only worker triggers. */
export function installTemporalRuntime(): void {
  if (installed) return;
  installed = true;
  const logger = new DefaultLogger('WARN', (entry: LogEntry) => {
    if (entry.message.startsWith('No workflows registered')) return;
    const meta = entry.meta && Object.keys(entry.meta).length > 0 ? ` ${JSON.stringify(entry.meta)}` : '';
    process.stderr.write(`[temporal ${entry.level}] ${entry.message}${meta}\n`);
  });
  try {
    Runtime.install({ logger });
  } catch {
    // Already installed in this process (several services can share one in tests).
  }
}
