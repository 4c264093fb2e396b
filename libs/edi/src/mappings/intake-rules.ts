/**
 * The JSON intake's field rules (purchase-order.dto.ts), checked while a document is read so
 * that a breach is answered with the standard's rejection naming the segment and element.
 * Each returns what is wrong, or undefined.
 */
export const MAX_LINES = 5000;
export const MAX_IDEMPOTENCY_KEY = 100;

export const skuProblem = (sku: string) =>
  sku.length > 64 ? 'is longer than 64 characters' : /^[A-Z0-9][A-Z0-9._-]*$/.test(sku) ? undefined : 'must be upper-case letters, digits, dot, dash or underscore';

export const quantityProblem = (q: number) => (q >= 1 && q <= 10_000_000 ? undefined : 'must be 1 to 10,000,000');

export const priceCeilingProblem = (minor: number) => (minor >= 0 && minor <= 1_000_000_000_000 ? undefined : 'must be 0 to 10^12 minor units');

export const countryProblem = (country: string) => (/^[A-Z]{2}$/.test(country) ? undefined : 'must be an upper-case ISO 3166-1 code such as DE');

export const currencyProblem = (currency: string) => {
  if (!/^[A-Z]{3}$/.test(currency)) return 'must be an upper-case ISO 4217 code such as EUR';
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
    return undefined;
  } catch {
    return 'is not an ISO 4217 currency';
  }
};

export const textProblem = (value: string, max: number) => (value.trim() === '' ? 'must not be empty' : value.length > max ? `is longer than ${max} characters` : undefined);
