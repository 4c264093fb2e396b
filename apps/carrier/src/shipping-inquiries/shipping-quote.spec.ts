import type { ShippingInquiry } from '@tradelane/contracts';
import type { RateCard } from '../carriers/rate-card.entity';
import { buildShippingQuote, pickRateCard } from './shipping-quote';

const card = (id: number, originCountry: string, destinationCountry: string, extra: Partial<RateCard> = {}): RateCard => ({
  id,
  carrierId: 'c1',
  originCountry,
  destinationCountry,
  mode: 'road',
  baseMinor: 4500,
  perKgMinor: 60,
  currency: 'EUR',
  transitDays: 3,
  quoteValidHours: 48,
  ...extra,
});

const inquiry: ShippingInquiry = {
  inquiryId: 'i1',
  orderId: 'o1',
  carrierId: 'c1',
  origin: { code: 'DE-HAM', country: 'DE' },
  destination: { name: 'n', line1: 'l', city: 'Köln', postalCode: '50667', country: 'DE' },
  weightGrams: 2001,
  lineCount: 2,
  readyDate: '2030-01-05',
  wantedBy: '2030-01-20',
  currency: 'EUR',
};

describe('pickRateCard', () => {
  it('prefers the exact lane over wildcards and ignores other origins and currencies', () => {
    const cards = [card(1, '*', '*'), card(2, 'DE', '*'), card(3, 'DE', 'DE'), card(4, 'SE', 'DE'), card(5, 'DE', 'DE', { currency: 'USD' })];
    expect(pickRateCard(cards, inquiry)?.id).toBe(3);
    expect(pickRateCard(cards.filter((c) => c.id !== 3), inquiry)?.id).toBe(2);
    expect(pickRateCard([card(4, 'SE', 'DE')], inquiry)).toBeUndefined();
  });
});

describe('buildShippingQuote', () => {
  it('prices base plus every started kilogram and delivers after the transit days from pickup', () => {
    const quote = buildShippingQuote(inquiry, card(1, 'DE', '*'), new Date('2030-01-01T10:00:00Z'));
    expect(quote.price).toEqual({ amountMinor: 4500 + 3 * 60, currency: 'EUR' });
    expect(quote.pickupDate).toBe('2030-01-05');
    expect(quote.deliveryDate).toBe('2030-01-08');
    expect(quote.validUntil).toBe('2030-01-03T10:00:00.000Z');
    expect(quote.quotedBy).toBe('automatic');
  });

  it('picks up today when the goods were ready earlier, and takes a person’s price', () => {
    const quote = buildShippingQuote(inquiry, card(1, 'DE', '*'), new Date('2030-01-09T10:00:00Z'), { quotedBy: 'desk', priceMinor: 999 });
    expect(quote.pickupDate).toBe('2030-01-09');
    expect(quote.price.amountMinor).toBe(999);
  });

  it('holds for 24 hours when the card says nothing, and for as long as a person says', () => {
    const now = new Date('2030-01-01T10:00:00Z');
    const noHours = { ...card(1, 'DE', '*'), quoteValidHours: undefined } as unknown as RateCard;
    expect(buildShippingQuote(inquiry, noHours, now).validUntil).toBe('2030-01-02T10:00:00.000Z');
    expect(buildShippingQuote(inquiry, undefined, now, { quotedBy: 'desk', priceMinor: 1, validUntil: '2030-01-01T18:30:00+01:00' }).validUntil).toBe(
      '2030-01-01T17:30:00.000Z',
    );
  });

  it('cannot quote without a rate card or a price', () => {
    expect(() => buildShippingQuote(inquiry, undefined, new Date())).toThrow(/no rate card/);
  });
});
