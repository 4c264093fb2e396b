import type { components } from '../api/generated/distributor';
import { parseAmountToMinor } from '../shared/format';

/** One row of the new-order grid, as typed. */
export interface GridLine {
  key: string;
  sku: string;
  quantity: string;
  priceCeiling: string;
}

export interface OrderTerms {
  buyerId: string;
  shipTo: { name: string; line1: string; line2: string; city: string; postalCode: string; country: string };
  wantedBy: string;
  currency: string;
  partialFill: 'accept' | 'back-order' | 'cancel';
}

/** The ISO 4217 codes the distributor's API document lists; the server checks the code again. */
export type CurrencyCode = components['schemas']['PurchaseOrderDto']['currency'];
/** The ISO 3166 codes the API document lists. */
export type CountryCode = components['schemas']['AddressDto']['country'];

export interface PurchaseOrderBody {
  buyerId: string;
  lines: { sku: string; quantity: number; priceCeilingMinor?: number }[];
  shipTo: { name: string; line1: string; line2?: string; city: string; postalCode: string; country: CountryCode };
  wantedBy: string;
  currency: CurrencyCode;
  partialFill: 'accept' | 'back-order' | 'cancel';
}

/** What is wrong with the grid, keyed by the field's id (`lines.<key>.sku`, `shipTo.city`, …). */
export type GridProblems = Record<string, string>;

const SKU = /^[A-Z0-9][A-Z0-9._-]*$/;

/**
 * Builds POST /purchase-orders from the grid: blank rows are skipped, SKUs upper-cased, the
 * price ceiling (typed as a decimal amount) becomes minor units. The same limits as the
 * distributor's DTO are checked here so a person sees them beside the field.
 */
export function buildPurchaseOrder(lines: GridLine[], terms: OrderTerms): { body?: PurchaseOrderBody; problems: GridProblems } {
  const problems: GridProblems = {};
  const built: PurchaseOrderBody['lines'] = [];
  for (const line of lines) {
    const sku = line.sku.trim().toUpperCase();
    if (!sku && !line.quantity.trim() && !line.priceCeiling.trim()) continue;
    if (!SKU.test(sku) || sku.length > 64) problems[`lines.${line.key}.sku`] = 'SKU: upper-case letters, digits, dot, dash or underscore';
    const quantity = Number(line.quantity.trim());
    if (!/^\d+$/.test(line.quantity.trim()) || quantity < 1 || quantity > 10_000_000) {
      problems[`lines.${line.key}.quantity`] = 'Quantity: a whole number from 1 to 10,000,000';
    }
    let priceCeilingMinor: number | undefined;
    if (line.priceCeiling.trim()) {
      const minor = parseAmountToMinor(line.priceCeiling, terms.currency);
      if (minor === null) problems[`lines.${line.key}.priceCeiling`] = `Price ceiling: an amount in ${terms.currency}`;
      else priceCeilingMinor = minor;
    }
    built.push({ sku, quantity, ...(priceCeilingMinor === undefined ? {} : { priceCeilingMinor }) });
  }
  if (built.length === 0) problems.lines = 'Add at least one line';
  const shipTo = trimAll(terms.shipTo);
  for (const field of ['name', 'line1', 'city', 'postalCode'] as const) if (!shipTo[field]) problems[`shipTo.${field}`] = 'Required';
  const country = shipTo.country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) problems['shipTo.country'] = 'A two-letter country code such as DE';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(terms.wantedBy)) problems.wantedBy = 'A date';
  const currency = terms.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problems.currency = 'A three-letter currency code such as EUR';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    problems,
    body: {
      buyerId: terms.buyerId,
      lines: built,
      shipTo: { ...shipTo, country: country as CountryCode, line2: shipTo.line2 || undefined },
      wantedBy: terms.wantedBy,
      currency: currency as CurrencyCode,
      partialFill: terms.partialFill,
    },
  };
}

function trimAll<T extends Record<string, string>>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value.trim()])) as T;
}

/** Maps the distributor's field names (`lines[2].sku`, `shipTo.city`) onto the grid's fields. */
export function serverProblemsOnGrid(errors: { field: string; message: string }[], lines: GridLine[]): GridProblems {
  const problems: GridProblems = {};
  const filled = lines.filter((line) => line.sku.trim() || line.quantity.trim() || line.priceCeiling.trim());
  for (const { field, message } of errors) {
    const match = /^lines\[(\d+)\]\.(sku|quantity|priceCeilingMinor)$/.exec(field);
    const line = match ? filled[Number(match[1])] : undefined;
    if (match && line) problems[`lines.${line.key}.${match[2] === 'priceCeilingMinor' ? 'priceCeiling' : match[2]}`] = message;
    else problems[field] = message;
  }
  return problems;
}
