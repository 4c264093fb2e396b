import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@tradelane/platform';
import { PaymentGatewayActivities } from '../activities/payment-gateway.activities';

/** The gateway's worker: payment notices arrive here and leave as transfer notices; refunds undo them. */
@Injectable()
export class PaymentGatewayWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly activities: PaymentGatewayActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start('payment-gateway', this.activities);
  }
}
