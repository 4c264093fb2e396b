import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { CarrierChoice, Location, PartyRef, PartyTerms, PurchaseOrder, SourcingPlan } from '@tradelane/contracts';
import { CarrierPartner } from '../catalogue/carrier-partner.entity';
import { CatalogueItem } from '../catalogue/catalogue-item.entity';
import { CatalogueOffer } from '../catalogue/catalogue-offer.entity';
import { PartyTermsRecord } from '../party-terms/party-terms.entity';
import { sourceLines } from './sourcing-policy';

@Injectable()
export class SourcingService {
  constructor(
    @InjectRepository(CatalogueItem) private readonly catalogue: Repository<CatalogueItem>,
    @InjectRepository(CatalogueOffer) private readonly offers: Repository<CatalogueOffer>,
    @InjectRepository(CarrierPartner) private readonly partners: Repository<CarrierPartner>,
    @InjectRepository(PartyTermsRecord) private readonly terms: Repository<PartyTermsRecord>,
  ) {}

  /** For each line, the suppliers that may fill it, best first; what each SKU weighs; the buyer's and the suppliers' terms. */
  async plan(order: PurchaseOrder): Promise<SourcingPlan> {
    const skus = [...new Set(order.lines.map((l) => l.sku))];
    const [items, offers] = await Promise.all([
      this.catalogue.findBy({ sku: In(skus) }),
      this.offers.findBy({ sku: In(skus), currency: order.currency }),
    ]);
    const lines = sourceLines(order.lines, offers);
    const suppliers = [...new Set(lines.flatMap((l) => l.candidates))].map((id): PartyRef => ({ role: 'supplier', id }));
    const buyer: PartyRef = { role: 'buyer', id: order.buyerId };
    return {
      lines,
      unitWeightGrams: Object.fromEntries(items.map((i) => [i.sku, i.unitWeightGrams])),
      terms: await this.knownTerms([buyer, ...suppliers]),
    };
  }

  /** Every carrier partner serving each origin to the destination, in order of preference, with their terms. */
  async carriersFor(origins: Location[], destinationCountry: string): Promise<CarrierChoice[]> {
    const partners = await this.partners.find({ order: { rank: 'ASC', carrierId: 'ASC' } });
    const serves = (countries: string[], country: string) => countries.includes(country) || countries.includes('*');
    const choices = origins.map((origin) => ({
      originCode: origin.code,
      carrierIds: partners
        .filter((p) => serves(p.originCountries, origin.country) && serves(p.destinationCountries, destinationCountry))
        .map((p) => p.carrierId),
    }));
    const terms = await this.knownTerms([...new Set(choices.flatMap((c) => c.carrierIds))].map((id): PartyRef => ({ role: 'carrier', id })));
    return choices.map((c) => ({ ...c, terms: terms.filter((t) => c.carrierIds.includes(t.partyId)) }));
  }

  /** The terms of those parties that have some (their own or their role's default); the order asks for the rest when it waits. */
  private async knownTerms(parties: PartyRef[]): Promise<PartyTerms[]> {
    if (parties.length === 0) return [];
    return (await this.lookUpTerms(parties)).filter((t): t is PartyTerms => t !== undefined);
  }

  /** Each party's own terms, or its role's default. */
  async termsOf(parties: PartyRef[]): Promise<PartyTerms[]> {
    const found = await this.lookUpTerms(parties);
    return parties.map((party, i) => {
      const terms = found[i];
      if (!terms) throw new Error(`no terms for ${party.role} ${party.id} and no default for its role`);
      return terms;
    });
  }

  private async lookUpTerms(parties: PartyRef[]): Promise<(PartyTerms | undefined)[]> {
    const rows = await this.terms.findBy({ partyId: In([...new Set(parties.map((p) => p.id)), '*']) });
    const find = (role: string, id: string) => rows.find((r) => r.role === role && r.partyId === id);
    return parties.map((party) => {
      const row = find(party.role, party.id) ?? find(party.role, '*');
      return row
        ? {
            role: party.role,
            partyId: party.id,
            answerWithinMs: row.answerWithinSeconds * 1000,
            remindBeforeMs: row.remindBeforeSeconds * 1000,
            onDeadline: row.onDeadline,
          }
        : undefined;
    });
  }
}
