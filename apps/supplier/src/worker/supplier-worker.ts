import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@tradelane/platform';
import { SupplierActivities } from '../activities/supplier.activities';

/** The supplier's worker: stock inquiries, dispatch notices, reminders and their compensations arrive here. */
@Injectable()
export class SupplierWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly activities: SupplierActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start('supplier', this.activities);
  }
}
