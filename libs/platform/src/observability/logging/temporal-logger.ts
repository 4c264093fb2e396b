import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import type { Level } from 'pino';
import { TASK_QUEUE_SUFFIX, type PartyRole } from '@tradelane/contracts';
import { orderFields } from './log-context';
import { processLogger } from './process-logger';

const LEVELS: Record<LogLevel, Level> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/** Every activity-only worker says so at start; it is how this house runs its parties. */
const EXPECTED = /^No workflows registered/;

/**
 * Temporal's worker logger (its own lines, the core's forwarded ones, and what workflows and
 * activities log through the SDK) written by the process logger, with the order's ids named
 * as this house names them. The task token completes the activity: it is not logged.
 */
export class TemporalProcessLogger implements Logger {
  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (EXPECTED.test(message)) return;
    const { taskToken: _token, workflowId, trace_id, span_id, trace_flags: _flags, sdkComponent, ...rest } = meta ?? {};
    const fields: Record<string, unknown> = { ...rest, component: `temporal${sdkComponent ? `:${String(sdkComponent)}` : ''}` };
    if (typeof workflowId === 'string') Object.assign(fields, orderFields(workflowId));
    // A workflow's lines come from the worker of its task queue's party.
    if (fields.service === undefined && typeof rest.taskQueue === 'string') fields.service = serviceOfTaskQueue(rest.taskQueue);
    if (typeof trace_id === 'string') Object.assign(fields, { traceId: trace_id, spanId: span_id });
    processLogger()[LEVELS[level] ?? 'info'](fields, message);
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

function serviceOfTaskQueue(taskQueue: string): string | undefined {
  const role = (Object.keys(TASK_QUEUE_SUFFIX) as PartyRole[]).find((r) => taskQueue.endsWith(TASK_QUEUE_SUFFIX[r]));
  return role ? `tradelane-${role}` : undefined;
}
