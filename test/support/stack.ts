import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import type { OrderView, PartyRole } from '@tradelane/contracts';
import { orderViewQuery } from '@tradelane/workflows';
import { configureApp, configureLoggingUnlessConfigured } from '@tradelane/platform';
import { partyServices } from '../../infra/stack/parties';
import { prepareDatabase } from '../../infra/stack/prepare-database';
import { bearer, type TestPerson } from './identity';
import { createTestDatabase } from './test-database';
import type { OrganisationRole } from '@tradelane/platform';

type Agents = Record<PartyRole, ReturnType<typeof request.agent>>;

export interface Stack {
  /** supertest agents without credentials, one per party's HTTP API */
  http: Record<PartyRole, ReturnType<typeof request>>;
  /**
   * agents that call every service as this organisation (role taken from the bootstrap list, else
   * buyer); with a person, the token's actor is their e-mail, else `api-key:test`
   */
  as(organisationId: string, role?: OrganisationRole, person?: TestPerson): Agents;
  apps: Record<PartyRole, INestApplication>;
  /** direct SQL, for test set-up and for asserting what the services stored */
  db: Pool;
  databaseUrl: string;
  temporal: Client;
  taskQueuePrefix: string;
  close(): Promise<void>;
}

export interface StackOptions {
  /**
   * Another Temporal server for this stack (e.g. the time-skipping one) instead of
   * process.env.TEMPORAL_ADDRESS, the dev server the test run started.
   */
  temporalAddress?: string;
  /**
   * The workers' workflow cache; 0 makes every workflow task replay the order from its history,
   * so code that does not replay as it ran fails at once instead of after an eviction.
   */
  maxCachedWorkflows?: number;
  /**
   * A database another stack already uses (migrated and seeded by whoever made it), and that
   * stack's task queue prefix: this stack is then a second replica of every service, whose
   * workers take tasks from the same queues. The database is left for its owner to drop.
   */
  replicaOf?: { databaseUrl: string; taskQueuePrefix: string };
}

/**
 * The real thing, in this process: all five services as their main.ts builds them (same module,
 * same configureApp), each with its Temporal worker, on a fresh database with the demo data.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const database = options.replicaOf
    ? { url: options.replicaOf.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  if (!options.replicaOf) await prepareDatabase(database.url, { seed: true });
  const taskQueuePrefix = options.replicaOf?.taskQueuePrefix ?? `t${randomUUID().slice(0, 8)}-`;
  process.env.DATABASE_URL = database.url;
  process.env.TEMPORAL_TASK_QUEUE_PREFIX = taskQueuePrefix;

  const temporalAddress = options.temporalAddress ?? process.env.TEMPORAL_ADDRESS;
  // The services read their Temporal address from the environment as they are created; whatever
  // starts after this stack gets the test run's address back.
  const runAddress = process.env.TEMPORAL_ADDRESS;
  process.env.TEMPORAL_ADDRESS = temporalAddress;
  if (options.maxCachedWorkflows !== undefined) process.env.TEMPORAL_MAX_CACHED_WORKFLOWS = String(options.maxCachedWorkflows);

  const apps = {} as Record<PartyRole, INestApplication>;
  const http = {} as Stack['http'];
  try {
    for (const party of partyServices()) {
      // Quiet unless the test configured logging itself (or LOG_LEVEL says otherwise).
      configureLoggingUnlessConfigured({ level: (process.env.LOG_LEVEL as 'info' | undefined) ?? 'warn' });
      const app = await NestFactory.create(party.module(), { bufferLogs: true, rawBody: true });
      configureApp(app, party.api);
      if (party.role === 'distributor') {
        // The gateway delivers transfer notices to this webhook over real HTTP; its config is read
        // when its module is first loaded, which is after this (see partyServices' order).
        await app.listen(0, '127.0.0.1');
        process.env.TRANSFER_NOTICE_URL = `${await app.getUrl()}/transfer-notices`;
        process.env.IDENTITY_TOKEN_URL = `${await app.getUrl()}/auth/token`;
      } else {
        await app.init();
      }
      apps[party.role] = app;
      http[party.role] = request(app.getHttpServer());
    }
  } finally {
    process.env.TEMPORAL_ADDRESS = runAddress;
    delete process.env.TEMPORAL_MAX_CACHED_WORKFLOWS;
  }
  const db = new Pool({ connectionString: database.url, max: 3 });
  // pg's Pool.end() resolves before its idle clients have closed; the DROP DATABASE … WITH (FORCE)
  // that follows then terminates them (57P01), which an idle client reports as a pool error.
  db.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error('test database pool:', error);
  });
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection, namespace: 'default' });
  const agents = new Map<string, Agents>();
  return {
    http,
    as(organisationId, role, person) {
      const key = `${organisationId}/${role ?? ''}/${person?.email ?? ''}`;
      if (!agents.has(key)) {
        const authorization = bearer(organisationId, role, person);
        const made = {} as Agents;
        for (const [party, app] of Object.entries(apps)) {
          made[party as PartyRole] = request.agent(app.getHttpServer()).set('Authorization', authorization);
        }
        agents.set(key, made);
      }
      return agents.get(key) as Agents;
    },
    apps,
    db,
    databaseUrl: database.url,
    temporal,
    taskQueuePrefix,
    async close() {
      for (const app of Object.values(apps).reverse()) await app.close();
      await connection.close();
      await db.end();
      await database.drop();
    },
  };
}

/** Polls until `probe` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Waits, by querying the order, until its view satisfies `ok`; returns that view. */
export function orderViewWhen(stack: Stack, workflowId: string) {
  const handle = stack.temporal.workflow.getHandle(workflowId);
  return (what: string, ok: (v: OrderView) => boolean): Promise<OrderView> =>
    eventually(what, async () => {
      const view = await handle.query(orderViewQuery);
      return ok(view) ? view : undefined;
    });
}

/** Sets every supplier and carrier to answer from its own data, as set-up rather than as part of a flow. */
export async function answerAutomatically(stack: Stack): Promise<void> {
  await stack.db.query(`UPDATE supplier.suppliers SET answer_mode = 'automatic'`);
  await stack.db.query(`UPDATE carrier.carriers SET answer_mode = 'automatic'`);
}
