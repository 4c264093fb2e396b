import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { PaymentGatewayActivities } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { PaymentNoticesService } from '../payment-notices/payment-notices.service';
import { RefundsService } from '../refunds/refunds.service';

/** The gateway's worker: payment notices arrive here and leave as transfer notices; refunds undo them. */
@Injectable()
export class PaymentGatewayWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly notices: PaymentNoticesService,
    private readonly refunds: RefundsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = {
      ...activitiesOf(this.notices, ['receivePaymentNotice']),
      ...activitiesOf(this.refunds, ['refundPayment']),
    } as unknown as PaymentGatewayActivities;
    await this.host.start('payment-gateway', activities);
  }
}
