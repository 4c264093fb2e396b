import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Money } from '@tradelane/contracts';
import { accounts, transferJournal } from '../ledger/journal';
import { LedgerService } from '../ledger/ledger.service';
import { Payment } from '../payment-notices/payment.entity';
import { Transfer } from '../transfer-notices/transfer.entity';
import { Refund } from './refund.entity';

@Injectable()
export class RefundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * Gives back (a compensation) everything the order's payment did, with balanced journals
   * in reverse (distributor → clearing, then clearing → buyer). `null` when nothing was paid
   * (no payment, or a declined one). Keyed by order id: a second call posts nothing and answers
   * with the amount refunded the first time.
   */
  async refund(orderId: string, reason: string): Promise<Money | null> {
    // Order ids are uuid columns; anything else was never paid.
    if (!isUUID(orderId)) return null;
    return this.dataSource.transaction(async (tx) => {
      const payment = await tx
        .getRepository(Payment)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.order_id = :orderId', { orderId })
        .getOne();
      if (!payment || payment.status !== 'accepted') return null;
      const done = await tx.findOneBy(Refund, { orderId });
      if (done) return { amountMinor: done.amountMinor, currency: done.currency };

      const amount: Money = { amountMinor: payment.amountMinor, currency: payment.currency };
      const refundId = randomUUID();
      await tx.insert(Refund, { refundId, orderId, amountMinor: amount.amountMinor, currency: amount.currency, reason, refundedAt: new Date() });
      if (await tx.existsBy(Transfer, { orderId })) {
        await this.ledger.post(tx, randomUUID(), orderId, amount.currency,
          transferJournal(accounts.distributorPayable, accounts.clearing, amount));
      }
      await this.ledger.post(tx, refundId, orderId, amount.currency,
        transferJournal(accounts.clearing, accounts.buyerFunds(payment.buyerId), amount));
      return amount;
    });
  }
}
