import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ediConfig, type EdiConfig } from './edi.config';
import { OutboxSweep } from './outbox-sweep';
import { PushSweep } from './push-sweep';

/** Runs the outbox sweep, then the pushes, on their interval, one pass at a time. */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EdiOutbox');
  readonly outbox: OutboxSweep;
  readonly pushes: PushSweep;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(db: DataSource, @Inject(ediConfig.KEY) private readonly config: EdiConfig) {
    this.outbox = new OutboxSweep(db, config.ours);
    this.pushes = new PushSweep(db, config.pushRetryBaseMs);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.outbox
        .sweep()
        .catch((error: Error) => this.logger.warn(`outbox sweep failed: ${error.message}`))
        .then(() => this.pushes.sweep())
        .catch((error: Error) => this.logger.warn(`push sweep failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.outboxIntervalMs).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
