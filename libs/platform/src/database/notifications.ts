import { Logger } from '@nestjs/common';
import { Client, type Notification } from 'pg';
import type { EntityManager } from 'typeorm';

export interface NotificationListenerOptions {
  /** first wait before reconnecting after the connection dropped; doubles up to `maxBackoffMs` */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  logger?: Pick<Logger, 'log' | 'warn'>;
}

type Handler = (payload: string) => void;

export const LISTENER_APPLICATION_NAME = 'tradelane-notifications';

/**
 * One dedicated connection per process that LISTENs on PostgreSQL channels, so a replica learns
 * what another replica stored. Not from the pool: a pooled client would be handed to other
 * queries and its LISTEN lost. When the connection drops it reconnects with back-off and LISTENs
 * again; whatever was notified in between is lost, so `onReconnect` handlers are told to look
 * for themselves.
 */
export class NotificationListener {
  private client?: Client;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnected = new Set<() => void>();
  private backoffMs: number;
  private retry?: NodeJS.Timeout;
  private closed = false;
  private readonly logger: Pick<Logger, 'log' | 'warn'>;

  constructor(
    private readonly connectionString: string,
    private readonly options: NotificationListenerOptions = {},
  ) {
    this.backoffMs = options.firstBackoffMs ?? 250;
    this.logger = options.logger ?? new Logger('NotificationListener');
  }

  /** Calls `handler` with the payload of every notification on `channel`; answers how to stop. */
  on(channel: string, handler: Handler): () => void {
    const known = this.handlers.has(channel);
    const set = this.handlers.get(channel) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(channel, set);
    if (!known && this.client) void this.client.query(`LISTEN ${quoted(channel)}`).catch(() => undefined);
    return () => set.delete(handler);
  }

  /** Called after every reconnect, when notifications may have been missed. */
  onReconnect(handler: () => void): () => void {
    this.reconnected.add(handler);
    return () => this.reconnected.delete(handler);
  }

  /** Connects and LISTENs; if the database cannot be reached yet, keeps trying in the background. */
  async start(): Promise<void> {
    await this.connect(false);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(again: boolean): Promise<void> {
    // Named, so that an operator can tell it apart in pg_stat_activity.
    const client = new Client({ connectionString: this.connectionString, keepAlive: true, application_name: LISTENER_APPLICATION_NAME });
    client.on('notification', (message: Notification) => this.deliver(message));
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, new Error('connection ended')));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoted(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.dropped(client, error, true);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = this.options.firstBackoffMs ?? 250;
    if (again) {
      this.logger.log('listening for database notifications again');
      for (const handler of this.reconnected) handler();
    }
  }

  private dropped(client: Client, error: unknown, connecting = false): void {
    if (this.closed || (!connecting && this.client !== client)) return;
    this.client = undefined;
    const wait = this.backoffMs;
    this.backoffMs = Math.min(wait * 2, this.options.maxBackoffMs ?? 10_000);
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`database notifications: connection lost (${reason}); reconnecting in ${wait} ms`);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(true), wait);
    this.retry.unref();
  }

  private deliver(message: Notification): void {
    for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
  }
}

/** NOTIFY in the caller's transaction: PostgreSQL delivers it when (and only if) that commits. */
export async function notify(manager: EntityManager, channel: string, payload: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [channel, payload]);
}

function quoted(channel: string): string {
  return `"${channel.replace(/"/g, '""')}"`;
}
