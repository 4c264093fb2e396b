import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';

let installed = false;

// Notices that say nothing about this project: every activity-only worker triggers the first;
// the second comes from Temporal's time-skipping test server, which does not advertise it.
const NOISE = ['No workflows registered', 'Temporal Server 1.16.0 or newer is required'];

/** Temporal's worker runtime (its native core too) logs at WARN through one logger, without known noise. */
export function installTemporalRuntime(): void {
  if (installed) return;
  installed = true;
  const logger = new DefaultLogger('WARN', (entry: LogEntry) => {
    if (NOISE.some((n) => entry.message.startsWith(n))) return;
    const meta = entry.meta && Object.keys(entry.meta).length > 0 ? ` ${JSON.stringify(entry.meta)}` : '';
    process.stderr.write(`[temporal ${entry.level}] ${entry.message}${meta}\n`);
  });
  try {
    Runtime.install({ logger, telemetryOptions: { logging: { forward: {} } } });
  } catch {
    // Already installed in this process (several services can share one in tests).
  }
}
