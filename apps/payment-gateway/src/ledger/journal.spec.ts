import { accounts, transferJournal } from './journal';

describe('transferJournal', () => {
  it('debits one account and credits the other with the same amount', () => {
    const lines = transferJournal(accounts.buyerFunds('b1'), accounts.clearing, { amountMinor: 1234, currency: 'EUR' });
    expect(lines).toEqual([
      { account: 'buyer:b1', debitMinor: 1234, creditMinor: 0 },
      { account: 'gateway:clearing', debitMinor: 0, creditMinor: 1234 },
    ]);
    const sum = (k: 'debitMinor' | 'creditMinor') => lines.reduce((s, l) => s + l[k], 0);
    expect(sum('debitMinor')).toBe(sum('creditMinor'));
  });

  it.each([0, -5, 1.5, Number.MAX_SAFE_INTEGER + 2])('refuses %p', (amountMinor) => {
    expect(() => transferJournal('a', 'b', { amountMinor, currency: 'EUR' })).toThrow(RangeError);
  });
});
