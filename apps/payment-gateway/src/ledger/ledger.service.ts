import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LedgerEntry } from './ledger-entry.entity';
import type { JournalLine } from './journal';

export interface LedgerBalance {
  currency: string;
  debitsMinor: number;
  creditsMinor: number;
  balanced: boolean;
  unbalancedJournals: string[];
}

@Injectable()
export class LedgerService {
  constructor(private readonly dataSource: DataSource) {}

  async post(tx: EntityManager, journalId: string, orderId: string, currency: string, lines: JournalLine[]) {
    const createdAt = new Date();
    await tx
      .createQueryBuilder()
      .insert()
      .into(LedgerEntry)
      .values(lines.map((l) => ({ ...l, journalId, orderId, currency, createdAt })))
      .execute();
  }

  /** Proves the ledger balances: per currency, and per journal. */
  async balance(): Promise<LedgerBalance[]> {
    const totals: { currency: string; debits: string; credits: string }[] = await this.dataSource.query(
      `SELECT currency, sum(debit_minor)::text AS debits, sum(credit_minor)::text AS credits
         FROM payment_gateway.ledger_entries GROUP BY currency ORDER BY currency`,
    );
    const broken: { currency: string; journal_id: string }[] = await this.dataSource.query(
      `SELECT currency, journal_id FROM payment_gateway.ledger_entries
        GROUP BY currency, journal_id HAVING sum(debit_minor) <> sum(credit_minor)`,
    );
    return totals.map((t) => {
      const unbalancedJournals = broken.filter((b) => b.currency === t.currency).map((b) => b.journal_id);
      return {
        currency: t.currency,
        debitsMinor: Number(t.debits),
        creditsMinor: Number(t.credits),
        balanced: t.debits === t.credits && unbalancedJournals.length === 0,
        unbalancedJournals,
      };
    });
  }
}
