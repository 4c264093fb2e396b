import { Runtime, type TelemetryOptions } from '@temporalio/worker';
import { TemporalProcessLogger } from '../observability/logging/temporal-logger';

let installed = false;

/**
 * Temporal's worker runtime, once per process and before any Worker or NativeConnection: its
 * logs go to the process logger (the core's from WARN up); with TEMPORAL_METRICS_BIND_ADDRESS
 * (host:port) it serves the SDK's worker metrics for Prometheus there.
 */
export function installTemporalRuntime(env: NodeJS.ProcessEnv = process.env): void {
  if (installed) return;
  installed = true;
  // The native core's own lines stay on stderr: forwarding them (`logging.forward`) holds the
  // process open after its last worker stops, which keeps jest and a stopping service alive.
  const telemetryOptions: TelemetryOptions = { logging: { filter: { core: 'WARN', other: 'WARN' } } };
  const bindAddress = env.TEMPORAL_METRICS_BIND_ADDRESS;
  if (bindAddress) telemetryOptions.metrics = { prometheus: { bindAddress } };
  try {
    Runtime.install({ logger: new TemporalProcessLogger(), telemetryOptions });
  } catch {
    // Already installed in this process (several services can share one in tests).
  }
}
