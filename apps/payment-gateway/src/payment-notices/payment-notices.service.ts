import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PaymentNotice, TransferNotice } from '@tradelane/contracts';
import { accounts, transferJournal } from '../ledger/journal';
import { LedgerService } from '../ledger/ledger.service';
import { Transfer } from '../transfer-notices/transfer.entity';
import { Payment } from './payment.entity';

@Injectable()
export class PaymentNoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * Activity: the buyer's payment notice (step 7) arrives; the gateway takes the money and moves it
   * on to the distributor, answering with the transfer notice (step 8). Keyed by order id: a retry
   * returns the transfer already made and posts nothing.
   */
  async receivePaymentNotice(notice: PaymentNotice): Promise<TransferNotice> {
    return this.dataSource.transaction(async (tx) => {
      const paymentId = randomUUID();
      const taken = await tx
        .createQueryBuilder()
        .insert()
        .into(Payment)
        .values({
          paymentId,
          orderId: notice.orderId,
          buyerId: notice.buyerId,
          amountMinor: notice.amount.amountMinor,
          currency: notice.amount.currency,
          paymentReference: notice.paymentReference,
          receivedAt: new Date(),
        })
        .orIgnore()
        .returning(['paymentId'])
        .execute();
      if (taken.raw.length > 0) {
        await this.ledger.post(
          tx,
          paymentId,
          notice.orderId,
          notice.amount.currency,
          transferJournal(accounts.buyerFunds(notice.buyerId), accounts.clearing, notice.amount),
        );
        const transferId = randomUUID();
        await tx.insert(Transfer, {
          transferId,
          orderId: notice.orderId,
          paymentId,
          amountMinor: notice.amount.amountMinor,
          currency: notice.amount.currency,
          transferredAt: new Date(),
        });
        await this.ledger.post(
          tx,
          transferId,
          notice.orderId,
          notice.amount.currency,
          transferJournal(accounts.clearing, accounts.distributorPayable, notice.amount),
        );
      }
      const transfer = await tx.findOneByOrFail(Transfer, { orderId: notice.orderId });
      return {
        transferId: transfer.transferId,
        orderId: transfer.orderId,
        paymentId: transfer.paymentId,
        amount: { amountMinor: transfer.amountMinor, currency: transfer.currency },
        transferredAt: transfer.transferredAt.toISOString(),
      };
    });
  }
}
