import fc from 'fast-check';
import { amountMinor, currencyCode } from '../../../test/support/arbitraries';
import { addMoney, money, multiplyMoney } from './money';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const anyMinor = fc.oneof(amountMinor, fc.maxSafeNat());

describe('money over generated amounts', () => {
  it('adds exactly, or refuses a sum beyond what minor units can hold; never a rounded sum', () => {
    fc.assert(
      fc.property(anyMinor, anyMinor, currencyCode, (a, b, c) => {
        const exact = BigInt(a) + BigInt(b);
        if (exact > MAX) return expect(() => addMoney(money(a, c), money(b, c))).toThrow(RangeError);
        expect(BigInt(addMoney(money(a, c), money(b, c)).amountMinor)).toBe(exact);
        expect(addMoney(money(a, c), money(b, c))).toEqual(addMoney(money(b, c), money(a, c)));
      }),
    );
  });

  it('multiplies a unit price by a quantity exactly, or refuses; never a rounded total', () => {
    fc.assert(
      fc.property(anyMinor, fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.maxSafeNat()), currencyCode, (unit, q, c) => {
        const exact = BigInt(unit) * BigInt(q);
        if (exact > MAX) return expect(() => multiplyMoney(money(unit, c), q)).toThrow(RangeError);
        expect(BigInt(multiplyMoney(money(unit, c), q).amountMinor)).toBe(exact);
      }),
    );
  });

  it('never adds two currencies', () => {
    fc.assert(
      fc.property(amountMinor, amountMinor, currencyCode, currencyCode, (a, b, c, d) => {
        fc.pre(c !== d);
        expect(() => addMoney(money(a, c), money(b, d))).toThrow(RangeError);
      }),
    );
  });

  it('refuses fractions of a minor unit', () => {
    fc.assert(
      fc.property(fc.double().filter((x) => !Number.isInteger(x)), currencyCode, (x, c) => {
        expect(() => money(x, c)).toThrow(RangeError);
        expect(() => multiplyMoney(money(100, c), x)).toThrow(RangeError);
      }),
    );
  });
});
