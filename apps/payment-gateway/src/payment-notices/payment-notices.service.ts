import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { FAILURE, type PaymentNotice, type PaymentOutcome } from '@tradelane/contracts';
import { refusal } from '@tradelane/platform';
import { accounts, transferJournal } from '../ledger/journal';
import { LedgerService } from '../ledger/ledger.service';
import { PayerAccountsService } from '../payer-accounts/payer-accounts.service';
import { TransferNoticeDelivery } from '../transfer-notices/transfer-notice-delivery';
import { Transfer } from '../transfer-notices/transfer.entity';
import { Payment } from './payment.entity';

@Injectable()
export class PaymentNoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly payers: PayerAccountsService,
    private readonly delivery: TransferNoticeDelivery,
  ) {}

  /**
   * The buyer's payment notice (step 7) arrives. The gateway takes the money, or declines
   * it when the payer has too little left, and moves it on to the distributor, then delivers the
   * signed transfer notice (step 8). Keyed by order id: a retry posts nothing and redelivers the
   * same event, unless it was already delivered or refused.
   */
  async receive(notice: PaymentNotice): Promise<PaymentOutcome> {
    if (!Number.isSafeInteger(notice.amount.amountMinor) || notice.amount.amountMinor <= 0 || !/^[A-Z]{3}$/.test(notice.amount.currency)) {
      throw refusal(
        FAILURE.answerRefused,
        `a payment is a positive integer of minor units in an ISO currency, got ${notice.amount.amountMinor} ${notice.amount.currency}`,
        { field: 'amount', reason: 'not a positive integer of minor units in an ISO currency' },
      );
    }
    const payment = await this.dataSource.transaction(async (tx) => {
      const existing = await tx.findOneBy(Payment, { orderId: notice.orderId });
      if (existing) return existing;
      await this.payers.lock(tx, notice.buyerId, notice.amount.currency);
      // A retry that waited on the lock finds the first delivery's payment here.
      return (await tx.findOneBy(Payment, { orderId: notice.orderId })) ?? this.takePayment(tx, notice);
    });
    if (payment.status === 'declined') return { status: 'declined', reason: payment.declineReason ?? 'declined' };
    const transfer = await this.dataSource.getRepository(Transfer).findOneByOrFail({ orderId: notice.orderId });
    await this.delivery.deliver(transfer);
    return { status: 'accepted', paymentId: payment.paymentId };
  }

  private async takePayment(tx: EntityManager, notice: PaymentNotice): Promise<Payment> {
    const { amount } = notice;
    const standing = await this.payers.standing(tx, notice.buyerId, amount.currency);
    const declineReason =
      amount.amountMinor > standing.availableMinor
        ? `insufficient funds: ${amount.amountMinor} ${amount.currency} asked, ${Math.max(0, standing.availableMinor)} ${amount.currency} available`
        : null;
    const payment = tx.create(Payment, {
      paymentId: randomUUID(),
      orderId: notice.orderId,
      buyerId: notice.buyerId,
      amountMinor: amount.amountMinor,
      currency: amount.currency,
      paymentReference: notice.paymentReference,
      receivedAt: new Date(),
      status: declineReason ? 'declined' : 'accepted',
      declineReason,
    });
    await tx.insert(Payment, payment);
    if (declineReason) return payment;

    await this.ledger.post(tx, payment.paymentId, notice.orderId, amount.currency,
      transferJournal(accounts.buyerFunds(notice.buyerId), accounts.clearing, amount));
    const transferId = randomUUID();
    await tx.insert(Transfer, {
      transferId,
      orderId: notice.orderId,
      paymentId: payment.paymentId,
      amountMinor: amount.amountMinor,
      currency: amount.currency,
      transferredAt: new Date(),
      eventId: randomUUID(),
      deliveryStatus: 'pending',
    });
    await this.ledger.post(tx, transferId, notice.orderId, amount.currency,
      transferJournal(accounts.clearing, accounts.distributorPayable, amount));
    return payment;
  }
}
