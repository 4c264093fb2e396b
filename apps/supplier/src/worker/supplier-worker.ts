import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { SupplierActivities } from '@tradelane/contracts';
import { WorkerHost, activitiesOf } from '@tradelane/platform';
import { DispatchNoticesService } from '../dispatch-notices/dispatch-notices.service';
import { StockInquiriesService } from '../stock-inquiries/stock-inquiries.service';

type InquiryActivities = Pick<SupplierActivities, 'receiveStockInquiry' | 'withdrawStockInquiry' | 'remind'>;
type DispatchActivities = Pick<SupplierActivities, 'receiveDispatchNotice' | 'recallDispatchNotice'>;

/** The supplier's worker: stock inquiries, dispatch notices, reminders and their compensations arrive here. */
@Injectable()
export class SupplierWorker implements OnApplicationBootstrap {
  constructor(
    private readonly host: WorkerHost,
    private readonly inquiries: StockInquiriesService,
    private readonly dispatches: DispatchNoticesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities: SupplierActivities = {
      ...(activitiesOf(this.inquiries, ['receiveStockInquiry', 'withdrawStockInquiry', 'remind']) as InquiryActivities),
      ...(activitiesOf(this.dispatches, ['receiveDispatchNotice', 'recallDispatchNotice']) as DispatchActivities),
    };
    await this.host.start('supplier', activities);
  }
}
