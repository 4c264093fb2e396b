import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, minorDigits, parseAmountToMinor } from './format';

describe('money for a locale', () => {
  it('reads integer minor units by the currency\'s digits', () => {
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, 'en-GB')).toBe('€1,234.56');
    expect(formatMoney({ amountMinor: 1234, currency: 'JPY' }, 'en-US')).toBe('¥1,234');
    expect(formatMoney({ amountMinor: 1234, currency: 'BHD' }, 'en-US')).toBe('BHD\u00a01.234');
  });
  it('knows the digits of each currency', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });
  it('parses typed amounts into minor units without floats', () => {
    expect(parseAmountToMinor('12.5', 'EUR')).toBe(1250);
    expect(parseAmountToMinor('0,07', 'EUR')).toBe(7);
    expect(parseAmountToMinor('1.005', 'EUR')).toBeNull();
    expect(parseAmountToMinor('300', 'JPY')).toBe(300);
    expect(parseAmountToMinor('-1', 'EUR')).toBeNull();
  });
});

describe('dates for a locale', () => {
  it('shows a calendar date as that day in every time zone', () => {
    expect(formatDate('2030-01-31', 'de-DE')).toBe('31.01.2030');
    expect(formatDate('2030-01-31', 'en-US')).toBe('Jan 31, 2030');
  });
});
