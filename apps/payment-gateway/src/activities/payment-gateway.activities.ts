import { Injectable } from '@nestjs/common';
import type {
  Money,
  PaymentGatewayActivities as PaymentGatewayActivitiesContract,
  PaymentNotice,
  PaymentOutcome,
} from '@tradelane/contracts';
import { PaymentNoticesService } from '../payment-notices/payment-notices.service';
import { RefundsService } from '../refunds/refunds.service';

/** What the order asks of the payment gateway, on the gateway's task queue. */
@Injectable()
export class PaymentGatewayActivities implements PaymentGatewayActivitiesContract {
  constructor(
    private readonly notices: PaymentNoticesService,
    private readonly refunds: RefundsService,
  ) {}

  receivePaymentNotice(notice: PaymentNotice): Promise<PaymentOutcome> {
    return this.notices.receive(notice);
  }

  refundPayment(orderId: string, reason: string): Promise<Money | null> {
    return this.refunds.refund(orderId, reason);
  }
}
