import { PROBLEM_TYPE_BASE, type ProblemDetails } from './problem';

/** What a service cannot work without; a request that needs one that is down is a 503, not a 500. */
export type Dependency = 'database' | 'temporal';

export const DEPENDENCY_NAMES: Readonly<Record<Dependency, string>> = { database: 'PostgreSQL', temporal: 'Temporal' };

/** Seconds a client is asked to wait before trying again (Retry-After). */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** A dependency-unavailable problem names which dependency is down (RFC 9457, section 3.2). */
export interface DependencyProblem extends ProblemDetails {
  dependency: Dependency;
}

export function dependencyUnavailableProblem(dependency: Dependency): DependencyProblem {
  return {
    type: `${PROBLEM_TYPE_BASE}dependency-unavailable`,
    title: 'A service this request needs is unavailable',
    status: 503,
    detail: `${DEPENDENCY_NAMES[dependency]} cannot be reached right now; try again in a few seconds.`,
    dependency,
  };
}

/** Thrown where code knows a dependency is down (e.g. a health probe timed out); the filter answers it as a 503. */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: Dependency,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DependencyUnavailableError';
  }
}

/** Socket errors of a connection that could not be made or was cut (Node's net, as pg reports them). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL's SQLSTATEs for a server that is not there to answer: class 08 (connection exception),
 * 57P01–57P03 (shut down by the administrator, crashed, cannot connect now) and 53300 (too many connections).
 */
const PG_UNAVAILABLE = /^(08...|57P0[1-3]|53300)$/;

/** What pg and pg-pool say when the connection dies or cannot be had in time. */
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Connection ended unexpectedly)/;

/** gRPC status codes UNAVAILABLE (14) and DEADLINE_EXCEEDED (4). */
const GRPC_UNAVAILABLE = new Set<number>([14, 4]);

/** gRPC's own error shape (what @temporalio/client's isGrpcServiceError checks), here with its code. */
function isGrpcError(error: object): error is { code: number; details: string } {
  const e = error as { code?: unknown; details?: unknown; metadata?: unknown };
  return typeof e.code === 'number' && typeof e.details === 'string' && typeof e.metadata === 'object' && e.metadata !== null;
}

function dependencyOfOne(error: object): Dependency | undefined {
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (error instanceof DependencyUnavailableError) return error.dependency;
  if (isGrpcError(error)) return GRPC_UNAVAILABLE.has(error.code) ? 'temporal' : undefined;
  // The Temporal client's own names for a server it cannot reach or an update call that ran out of time.
  if (name === 'ConnectionError' || name === 'TransportError' || name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return 'temporal';
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || PG_UNAVAILABLE.test(code))) return 'database';
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return 'database';
  return undefined;
}

/**
 * Which dependency an error says is down, looking through what wraps it: Temporal's ServiceError
 * (`cause`), TypeORM's QueryFailedError (`driverError`). A failed HTTP call to another service
 * (fetch's TypeError) is not looked into: its refused socket is not the database's.
 */
export function unavailableDependencyOf(error: unknown): Dependency | undefined {
  const seen = new Set<object>();
  for (let e = error; typeof e === 'object' && e !== null && !seen.has(e); ) {
    seen.add(e);
    const found = dependencyOfOne(e);
    if (found) return found;
    if (e instanceof TypeError && /fetch failed/.test(e.message)) return undefined;
    const wrapped = e as { cause?: unknown; driverError?: unknown };
    e = wrapped.driverError ?? wrapped.cause;
  }
  return undefined;
}
