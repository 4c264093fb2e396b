import fc from 'fast-check';
import { addDays, isoDate, type ShippingInquiry } from '@tradelane/contracts';
import { currencyCode, isoDay, location } from '../../../../test/support/arbitraries';
import type { RateCard } from '../carriers/rate-card.entity';
import { buildShippingQuote, DEFAULT_QUOTE_VALID_HOURS, pickRateCard } from './shipping-quote';

const country = fc.constantFrom('DE', 'NL', 'PL', 'FR');

const inquiry: fc.Arbitrary<ShippingInquiry> = fc
  .record({
    origin: location,
    destinationCountry: country,
    weightGrams: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 500_000_000 })),
    lineCount: fc.integer({ min: 1, max: 5000 }),
    readyDate: isoDay,
    currency: currencyCode,
  })
  .map((r) => ({
    inquiryId: 'ship-1',
    orderId: 'order-1',
    carrierId: 'baltic-lines',
    origin: r.origin,
    destination: { name: 'Goods In', line1: 'Industriestr. 5', city: 'Köln', postalCode: '50667', country: r.destinationCountry },
    weightGrams: r.weightGrams,
    lineCount: r.lineCount,
    readyDate: r.readyDate,
    wantedBy: addDays(r.readyDate, 30),
    currency: r.currency,
  }));

const rateCards: fc.Arbitrary<RateCard[]> = fc
  .array(
    fc.record({
      originCountry: fc.oneof(country, fc.constant('*')),
      destinationCountry: fc.oneof(country, fc.constant('*')),
      mode: fc.constantFrom('road', 'rail', 'sea', 'air'),
      baseMinor: fc.integer({ min: 0, max: 1_000_000 }),
      perKgMinor: fc.integer({ min: 0, max: 10_000 }),
      currency: currencyCode,
      transitDays: fc.integer({ min: 0, max: 40 }),
      quoteValidHours: fc.integer({ min: 1, max: 240 }),
    }),
    { maxLength: 8 },
  )
  .map((cards) => cards.map((c, i) => ({ id: i + 1, carrierId: 'baltic-lines', ...c })));

const now = fc.integer({ min: Date.parse('2030-01-01T00:00:00Z'), max: Date.parse('2032-12-31T00:00:00Z') }).map((ms) => new Date(ms));

const specificity = (c: RateCard, i: ShippingInquiry) =>
  c.currency !== i.currency
    ? undefined
    : c.originCountry !== i.origin.country && c.originCountry !== '*'
      ? undefined
      : c.destinationCountry !== i.destination.country && c.destinationCountry !== '*'
        ? undefined
        : (c.originCountry === '*' ? 0 : 2) + (c.destinationCountry === '*' ? 0 : 1);

describe('the carrier’s quote over generated inquiries and rate cards', () => {
  it('picks a card of the lane and currency when there is one, the most specific, the first of equals', () => {
    fc.assert(
      fc.property(inquiry, rateCards, (i, cards) => {
        const eligible = cards.filter((c) => specificity(c, i) !== undefined);
        const picked = pickRateCard(cards, i);
        if (eligible.length === 0) return expect(picked).toBeUndefined();
        const best = Math.max(...eligible.map((c) => specificity(c, i)!));
        expect(picked).toBe(eligible.filter((c) => specificity(c, i) === best).sort((a, b) => a.id - b.id)[0]);
      }),
    );
  });

  it('prices base plus every started kilogram, in whole minor units of the inquiry’s currency', () => {
    fc.assert(
      fc.property(inquiry, rateCards, now, (i, cards, at) => {
        const card = pickRateCard(cards, i);
        fc.pre(card !== undefined);
        const quote = buildShippingQuote(i, card, at);
        const kilograms = Math.ceil(i.weightGrams / 1000);
        expect(Number.isSafeInteger(quote.price.amountMinor)).toBe(true);
        expect(quote.price).toEqual({ amountMinor: card!.baseMinor + card!.perKgMinor * kilograms, currency: i.currency });
        expect(kilograms * 1000).toBeGreaterThanOrEqual(i.weightGrams);
        expect((kilograms - 1) * 1000).toBeLessThan(Math.max(i.weightGrams, 1));
      }),
      { numRuns: 200 },
    );
  });

  it('picks up when the goods are ready and not before today, delivers after the transit time, and holds for the lane’s hours', () => {
    fc.assert(
      fc.property(inquiry, rateCards, now, (i, cards, at) => {
        const card = pickRateCard(cards, i);
        fc.pre(card !== undefined);
        const quote = buildShippingQuote(i, card, at);
        expect(quote.pickupDate >= i.readyDate && quote.pickupDate >= isoDate(at)).toBe(true);
        expect([i.readyDate, isoDate(at)]).toContain(quote.pickupDate);
        expect(quote.deliveryDate).toBe(addDays(quote.pickupDate, card!.transitDays));
        expect(Date.parse(quote.validUntil) - at.getTime()).toBe(card!.quoteValidHours * 3_600_000);
        expect(quote.mode).toBe(card!.mode);
      }),
      { numRuns: 200 },
    );
  });

  it('takes a person’s figures over the card’s, and refuses to quote with neither a card nor a price', () => {
    const person = fc.record(
      {
        quotedBy: fc.constant('desk@baltic-lines'),
        priceMinor: fc.integer({ min: 0, max: 10_000_000 }),
        pickupDate: isoDay,
        deliveryDate: isoDay,
      },
      { requiredKeys: ['quotedBy'] },
    );
    fc.assert(
      fc.property(inquiry, rateCards, now, person, (i, cards, at, p) => {
        const card = pickRateCard(cards, i);
        if (!card && p.priceMinor === undefined) return expect(() => buildShippingQuote(i, card, at, p)).toThrow(RangeError);
        const quote = buildShippingQuote(i, card, at, p);
        if (p.priceMinor !== undefined) expect(quote.price.amountMinor).toBe(p.priceMinor);
        if (p.pickupDate !== undefined) expect(quote.pickupDate).toBe(p.pickupDate);
        if (p.deliveryDate !== undefined) expect(quote.deliveryDate).toBe(p.deliveryDate);
        expect(quote.quotedBy).toBe(p.quotedBy);
        expect(quote.price.currency).toBe(i.currency);
        if (!card) expect(Date.parse(quote.validUntil) - at.getTime()).toBe(DEFAULT_QUOTE_VALID_HOURS * 3_600_000);
      }),
    );
  });
});
