import { Metadata } from '@grpc/grpc-js';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { createServer } from 'node:net';
import { Client as PgClient } from 'pg';
import { QueryFailedError } from 'typeorm';
import { unavailableDependencyOf } from './dependency-unavailable';

/** gRPC's error as the Temporal client receives it, e.g. code 14 UNAVAILABLE. */
const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: new Metadata() });

/** A port on 127.0.0.1 with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('unavailableDependencyOf', () => {
  it("names the database for pg's own error when nothing listens on its port", async () => {
    const client = new PgClient({ host: '127.0.0.1', port: await closedPort(), user: 'x', database: 'x' });
    const error = await client.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(unavailableDependencyOf(error)).toBe('database');
  });

  it("looks through TypeORM's QueryFailedError to the server's SQLSTATE (admin shutdown, connection exceptions)", () => {
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(unavailableDependencyOf(new QueryFailedError('SELECT 1', [], shutdown))).toBe('database');
    expect(unavailableDependencyOf(Object.assign(new Error('x'), { code: '08006' }))).toBe('database');
    expect(unavailableDependencyOf(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe('database');
    expect(unavailableDependencyOf(new Error('Connection terminated unexpectedly'))).toBe('database');
    expect(unavailableDependencyOf(new Error('timeout exceeded when trying to connect'))).toBe('database');
  });

  it('leaves errors of the query itself alone (a unique violation, a missing relation)', () => {
    const unique = Object.assign(new Error('duplicate key value'), { code: '23505' });
    expect(unavailableDependencyOf(new QueryFailedError('INSERT', [], unique))).toBeUndefined();
    expect(unavailableDependencyOf(Object.assign(new Error('relation does not exist'), { code: '42P01' }))).toBeUndefined();
    expect(unavailableDependencyOf(new Error('boom'))).toBeUndefined();
    expect(unavailableDependencyOf('boom')).toBeUndefined();
  });

  it("names Temporal for gRPC UNAVAILABLE and DEADLINE_EXCEEDED inside the client's ServiceError", () => {
    expect(unavailableDependencyOf(new ServiceError('Failed to start Workflow', { cause: grpcError(14, 'No connection established') }))).toBe('temporal');
    expect(unavailableDependencyOf(grpcError(4, 'Deadline exceeded'))).toBe('temporal');
    expect(unavailableDependencyOf(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out', { cause: grpcError(4, 'x') }))).toBe('temporal');
  });

  it("leaves Temporal's other answers alone (not found, invalid argument), even when an ECONNREFUSED hides in a detail", () => {
    expect(unavailableDependencyOf(new ServiceError('Failed', { cause: grpcError(5, 'workflow not found') }))).toBeUndefined();
    expect(unavailableDependencyOf(grpcError(3, 'ECONNREFUSED in the message'))).toBeUndefined();
  });

  it("does not blame the database for another service's refused HTTP call", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(unavailableDependencyOf(new TypeError('fetch failed', { cause: refused }))).toBeUndefined();
  });
});
