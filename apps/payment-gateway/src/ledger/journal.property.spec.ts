import fc from 'fast-check';
import type { Money } from '@tradelane/contracts';
import { currencyCode, positiveAmountMinor } from '../../../../test/support/arbitraries';
import { accounts, transferJournal, type JournalLine } from './journal';

const account = fc.oneof(
  fc.constantFrom(accounts.clearing, accounts.distributorPayable),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/).map(accounts.buyerFunds),
);
const money: fc.Arbitrary<Money> = fc.record({ amountMinor: positiveAmountMinor, currency: currencyCode });

const sum = (lines: JournalLine[], k: 'debitMinor' | 'creditMinor') => lines.reduce((s, l) => s + BigInt(l[k]), 0n);

describe('transferJournal over generated amounts', () => {
  it('balances: one debit and one credit of the same whole amount, each line on one side only', () => {
    fc.assert(
      fc.property(account, account, money, (from, to, amount) => {
        const lines = transferJournal(from, to, amount);
        expect(sum(lines, 'debitMinor')).toBe(sum(lines, 'creditMinor'));
        expect(sum(lines, 'debitMinor')).toBe(BigInt(amount.amountMinor));
        for (const l of lines) {
          expect(Number.isSafeInteger(l.debitMinor) && Number.isSafeInteger(l.creditMinor)).toBe(true);
          expect(Math.min(l.debitMinor, l.creditMinor)).toBe(0);
        }
        expect(lines.map((l) => l.account)).toEqual([from, to]);
      }),
    );
  });

  it('refuses any amount that is not a positive safe integer of minor units', () => {
    const bad = fc.oneof(
      fc.integer({ max: 0 }),
      fc.double({ noNaN: false }).filter((x) => !Number.isSafeInteger(x) || x <= 0),
      fc.integer({ min: 1, max: 1000 }).map((n) => Number.MAX_SAFE_INTEGER + n * 2),
    );
    fc.assert(
      fc.property(account, account, bad, currencyCode, (from, to, amountMinor, currency) => {
        expect(() => transferJournal(from, to, { amountMinor, currency })).toThrow(RangeError);
      }),
    );
  });
});
