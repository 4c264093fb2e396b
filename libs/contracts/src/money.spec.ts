import { addMoney, money, multiplyMoney } from './money';
import { addDays, laterOf } from './dates';

describe('money', () => {
  it('adds and multiplies integer minor units exactly', () => {
    expect(addMoney(money(10, 'EUR'), money(20, 'EUR'))).toEqual({ amountMinor: 30, currency: 'EUR' });
    expect(multiplyMoney(money(35, 'EUR'), 3)).toEqual({ amountMinor: 105, currency: 'EUR' });
  });
  it('refuses fractions, unsafe integers and mixed currencies', () => {
    expect(() => money(0.1, 'EUR')).toThrow(RangeError);
    expect(() => multiplyMoney(money(Number.MAX_SAFE_INTEGER, 'EUR'), 2)).toThrow(RangeError);
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow(/USD/);
  });
});

describe('dates', () => {
  it('adds days across month and year ends in UTC', () => {
    expect(addDays('2030-12-30', 3)).toBe('2031-01-02');
    expect(addDays('2032-02-28', 1)).toBe('2032-02-29');
    expect(laterOf('2030-01-02', '2030-01-01')).toBe('2030-01-02');
  });
});
