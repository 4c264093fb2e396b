import { Injectable } from '@nestjs/common';
import type {
  CarrierActivities as CarrierActivitiesContract,
  Reminder,
  Reply,
  ShippingInquiry,
  ShippingQuote,
  TransportAcceptance,
  TransportNotice,
} from '@tradelane/contracts';
import { ShippingInquiriesService } from '../shipping-inquiries/shipping-inquiries.service';
import { TransportNoticesService } from '../transport-notices/transport-notices.service';

/** What the order asks of the carrier, on the carrier's task queue. */
@Injectable()
export class CarrierActivities implements CarrierActivitiesContract {
  constructor(
    private readonly inquiries: ShippingInquiriesService,
    private readonly notices: TransportNoticesService,
  ) {}

  receiveShippingInquiry(inquiry: ShippingInquiry): Promise<Reply<ShippingQuote>> {
    return this.inquiries.receive(inquiry);
  }

  receiveTransportNotice(notice: TransportNotice): Promise<Reply<TransportAcceptance>> {
    return this.notices.receive(notice);
  }

  withdrawShippingInquiry(inquiryId: string, reason: string): Promise<void> {
    return this.inquiries.withdraw(inquiryId, reason);
  }

  cancelTransport(noticeId: string, reason: string): Promise<void> {
    return this.notices.cancel(noticeId, reason);
  }

  /** The subject is an inquiry awaiting a quote or a notice awaiting acceptance; anything else is ignored. */
  async remind(reminder: Reminder): Promise<void> {
    if (await this.inquiries.remind(reminder)) return;
    await this.notices.remind(reminder);
  }
}
