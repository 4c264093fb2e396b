import { AsyncLocalStorage } from 'node:async_hooks';

/** What every line logged for a request, an order or an activity names, without being passed around. */
export interface LogContext {
  service?: string;
  requestId?: string;
  organisationId?: string;
  personId?: string;
  actor?: string;
  orderId?: string;
  workflowId?: string;
  /** the Temporal activity running, on a worker's lines */
  activity?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with these ids bound on top of the ones already bound. */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...defined(fields) }, fn);
}

/**
 * Adds what the code learned along the way (the caller after the guard, the order once started)
 * to the current request or activity, so the lines that follow name it too.
 */
export function bindLogContext(fields: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, defined(fields));
}

export function currentLogContext(): Readonly<LogContext> {
  return storage.getStore() ?? {};
}

/** Orders run as workflow `order:<id>`. */
export function orderFields(workflowId: string): Pick<LogContext, 'orderId' | 'workflowId'> {
  return workflowId.startsWith('order:') ? { workflowId, orderId: workflowId.slice('order:'.length) } : { workflowId };
}

function defined(fields: LogContext): LogContext {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}
