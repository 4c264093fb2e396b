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

export interface LedgerCheck {
  /** Every currency's debits equal its credits, and so does every journal's. */
  balanced: boolean;
  currencies: { currency: string; totalDebitsMinor: number; totalCreditsMinor: number; balanced: boolean }[];
  unbalancedJournals: { journalId: string; currency: string }[];
  /** Balance = debits − credits; across one currency these sum to zero. */
  accounts: { account: string; currency: string; debitsMinor: number; creditsMinor: number; balanceMinor: number }[];
}

const safe = (text: string): number => {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`ledger total ${text} is beyond a safe integer`);
  return n;
};

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

  /** The proof for auditors: totals per currency, per journal, and every account's balance. */
  async check(): Promise<LedgerCheck> {
    const [currencies, broken, balances]: [
      { currency: string; debits: string; credits: string }[],
      { currency: string; journal_id: string }[],
      { account: string; currency: string; debits: string; credits: string }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT currency, sum(debit_minor)::text AS debits, sum(credit_minor)::text AS credits
           FROM payment_gateway.ledger_entries GROUP BY currency ORDER BY currency`,
      ),
      this.dataSource.query(
        `SELECT currency, journal_id FROM payment_gateway.ledger_entries
          GROUP BY currency, journal_id HAVING sum(debit_minor) <> sum(credit_minor) ORDER BY journal_id`,
      ),
      this.dataSource.query(
        `SELECT account, currency, sum(debit_minor)::text AS debits, sum(credit_minor)::text AS credits
           FROM payment_gateway.ledger_entries GROUP BY account, currency ORDER BY currency, account`,
      ),
    ]);
    const totals = currencies.map((c) => ({
      currency: c.currency,
      totalDebitsMinor: safe(c.debits),
      totalCreditsMinor: safe(c.credits),
      balanced: c.debits === c.credits,
    }));
    return {
      balanced: totals.every((t) => t.balanced) && broken.length === 0,
      currencies: totals,
      unbalancedJournals: broken.map((b) => ({ journalId: b.journal_id, currency: b.currency })),
      accounts: balances.map((a) => ({
        account: a.account,
        currency: a.currency,
        debitsMinor: safe(a.debits),
        creditsMinor: safe(a.credits),
        balanceMinor: safe(a.debits) - safe(a.credits),
      })),
    };
  }
}
