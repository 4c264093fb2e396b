import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { PayerAccount } from './payer-account.entity';
import { payerConfig, type PayerConfig } from './payer.config';

export interface PayerStanding {
  buyerId: string;
  currency: string;
  creditLimitMinor: number;
  /** Accepted payments not refunded. */
  usedMinor: number;
  availableMinor: number;
}

@Injectable()
export class PayerAccountsService {
  constructor(
    @InjectRepository(PayerAccount) private readonly accounts: Repository<PayerAccount>,
    @Inject(payerConfig.KEY) private readonly config: PayerConfig,
  ) {}

  async setLimit(buyerId: string, currency: string, creditLimitMinor: number): Promise<PayerStanding> {
    await this.accounts
      .createQueryBuilder()
      .insert()
      .values({ buyerId, currency, creditLimitMinor, updatedAt: new Date() })
      .orUpdate(['credit_limit_minor', 'updated_at'], ['buyer_id', 'currency'])
      .execute();
    return this.standing(this.accounts.manager, buyerId, currency);
  }

  /**
   * Serialises payments of one buyer in one currency until the transaction ends, so that two
   * payments at once cannot both spend the same room under the limit.
   */
  async lock(tx: EntityManager, buyerId: string, currency: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`payer:${buyerId}:${currency}`]);
  }

  async standing(tx: EntityManager, buyerId: string, currency: string): Promise<PayerStanding> {
    const account = await tx.findOneBy(PayerAccount, { buyerId, currency });
    const [{ used }] = await tx.query(
      `SELECT (coalesce(sum(p.amount_minor), 0) - coalesce(sum(r.amount_minor), 0))::text AS used
         FROM payment_gateway.payments p
         LEFT JOIN payment_gateway.refunds r ON r.order_id = p.order_id
        WHERE p.buyer_id = $1 AND p.currency = $2 AND p.status = 'accepted'`,
      [buyerId, currency],
    );
    const creditLimitMinor = account?.creditLimitMinor ?? this.config.defaultCreditLimitMinor;
    const usedMinor = Number(used);
    return { buyerId, currency, creditLimitMinor, usedMinor, availableMinor: creditLimitMinor - usedMinor };
  }

  async standings(buyerId: string): Promise<PayerStanding[]> {
    const accounts = await this.accounts.find({ where: { buyerId }, order: { currency: 'ASC' } });
    return Promise.all(accounts.map((a) => this.standing(this.accounts.manager, buyerId, a.currency)));
  }
}
