import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@tradelane/platform';
import { DistributorActivities } from '../activities/distributor.activities';

/** The distributor's worker runs the order workflows and the distributor's own (local) activities. */
@Injectable()
export class DistributorWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly activities: DistributorActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start('distributor', this.activities, {
      workflowsPath: require.resolve('../../../../workflows/order'),
    });
  }
}
