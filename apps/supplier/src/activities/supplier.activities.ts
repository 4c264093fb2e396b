import { Injectable } from '@nestjs/common';
import type {
  DispatchNotice,
  Reminder,
  Reply,
  StockAnswer,
  StockInquiry,
  SupplierActivities as SupplierActivitiesContract,
} from '@tradelane/contracts';
import { DispatchNoticesService } from '../dispatch-notices/dispatch-notices.service';
import { StockInquiriesService } from '../stock-inquiries/stock-inquiries.service';

/** What the order asks of the supplier, on the supplier's task queue. */
@Injectable()
export class SupplierActivities implements SupplierActivitiesContract {
  constructor(
    private readonly inquiries: StockInquiriesService,
    private readonly dispatches: DispatchNoticesService,
  ) {}

  receiveStockInquiry(inquiry: StockInquiry): Promise<Reply<StockAnswer>> {
    return this.inquiries.receive(inquiry);
  }

  receiveDispatchNotice(notice: DispatchNotice): Promise<void> {
    return this.dispatches.dispatch(notice);
  }

  withdrawStockInquiry(inquiryId: string, reason: string): Promise<void> {
    return this.inquiries.withdraw(inquiryId, reason);
  }

  recallDispatchNotice(noticeId: string, reason: string): Promise<void> {
    return this.dispatches.recall(noticeId, reason);
  }

  /** Only an inquiry waiting for its answer keeps a reminder; any other subject is ignored. */
  async remind(reminder: Reminder): Promise<void> {
    await this.inquiries.remind(reminder);
  }
}
