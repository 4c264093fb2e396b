import type { Money } from '@tradelane/contracts';

export interface JournalLine {
  account: string;
  debitMinor: number;
  creditMinor: number;
}

/** A journal moving `amount` from one account to another: one debit, one credit, equal. */
export function transferJournal(from: string, to: string, amount: Money): JournalLine[] {
  if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor <= 0) {
    throw new RangeError(`a journal moves a positive integer amount, got ${amount.amountMinor}`);
  }
  return [
    { account: from, debitMinor: amount.amountMinor, creditMinor: 0 },
    { account: to, debitMinor: 0, creditMinor: amount.amountMinor },
  ];
}

export const accounts = {
  buyerFunds: (buyerId: string) => `buyer:${buyerId}`,
  clearing: 'gateway:clearing',
  distributorPayable: 'distributor:tradelane',
};
