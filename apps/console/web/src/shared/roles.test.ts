import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../session/return-to';
import { homeOf, mayVisit } from './roles';

describe('who sees which part of the console', () => {
  it('keeps each role to its own section', () => {
    expect(mayVisit('buyer', '/procurement/orders')).toBe(true);
    expect(mayVisit('buyer', '/operations/organisations')).toBe(false);
    expect(mayVisit('auditor', '/audit/orders/x')).toBe(true);
    expect(mayVisit('payment-gateway', '/procurement/orders')).toBe(false);
    expect(homeOf('supplier')).toBe('/supplier/inquiries');
  });
  it('returns after sign-in only to a path on this origin', () => {
    expect(safeReturnTo('/procurement/orders/1?x=1')).toBe('/procurement/orders/1?x=1');
    expect(safeReturnTo('//evil.example/')).toBe('/');
    expect(safeReturnTo('https://evil.example/')).toBe('/');
    expect(safeReturnTo(null)).toBe('/');
  });
});
