import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { SupplierActivities } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { DispatchNoticesService } from '../dispatch-notices/dispatch-notices.service';
import { StockInquiriesService } from '../stock-inquiries/stock-inquiries.service';

/** The supplier's worker: stock inquiries and dispatch notices arrive here. */
@Injectable()
export class SupplierWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly inquiries: StockInquiriesService,
    private readonly dispatches: DispatchNoticesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities: SupplierActivities = {
      ...(activitiesOf(this.inquiries, ['receiveStockInquiry']) as Pick<SupplierActivities, 'receiveStockInquiry'>),
      ...(activitiesOf(this.dispatches, ['receiveDispatchNotice']) as Pick<SupplierActivities, 'receiveDispatchNotice'>),
    };
    await this.host.start('supplier', activities);
  }
}
