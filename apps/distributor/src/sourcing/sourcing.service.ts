import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { CarrierChoice, InquiryLine, Location, PurchaseOrder, SourcingPlan } from '@tradelane/contracts';
import { CarrierPartner } from '../catalogue/carrier-partner.entity';
import { CatalogueItem } from '../catalogue/catalogue-item.entity';

@Injectable()
export class SourcingService {
  constructor(
    @InjectRepository(CatalogueItem) private readonly catalogue: Repository<CatalogueItem>,
    @InjectRepository(CarrierPartner) private readonly partners: Repository<CarrierPartner>,
  ) {}

  /** Activity: which supplier gets which lines (one stock inquiry each), and what each SKU weighs. */
  async planSourcing(order: PurchaseOrder): Promise<SourcingPlan> {
    const items = await this.catalogue.findBy({ sku: In(order.lines.map((l) => l.sku)) });
    const bySku = new Map(items.map((i) => [i.sku, i]));
    const bySupplier = new Map<string, InquiryLine[]>();
    for (const line of order.lines) {
      const item = bySku.get(line.sku);
      if (!item) throw new Error(`SKU ${line.sku} left the catalogue after the order was taken`);
      const lines = bySupplier.get(item.supplierId) ?? [];
      lines.push({ lineNo: line.lineNo, sku: line.sku, quantity: line.quantity });
      bySupplier.set(item.supplierId, lines);
    }
    return {
      inquiries: [...bySupplier.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([supplierId, lines]) => ({ supplierId, lines })),
      unitWeightGrams: Object.fromEntries(items.map((i) => [i.sku, i.unitWeightGrams])),
    };
  }

  /** Activity: the preferred carrier partner for each origin. */
  async chooseCarriers(origins: Location[], _destinationCountry: string): Promise<CarrierChoice[]> {
    const partners = await this.partners.find({ order: { rank: 'ASC', carrierId: 'ASC' } });
    return origins.map((origin) => ({
      originCode: origin.code,
      carrierId:
        partners.find((p) => p.originCountries.includes(origin.country) || p.originCountries.includes('*'))
          ?.carrierId ?? null,
    }));
  }
}
