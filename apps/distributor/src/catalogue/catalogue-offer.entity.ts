import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

/**
 * A supplier's published offer for a SKU: its price list and the stock it last said it had.
 * Sourcing ranks on these; the stock inquiry is what actually commits.
 */
@Entity({ name: 'catalogue_offers' })
export class CatalogueOffer {
  @PrimaryColumn({ type: 'text' })
  sku: string;

  @PrimaryColumn({ name: 'supplier_id', type: 'text' })
  supplierId: string;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintToNumber })
  unitPriceMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'lead_days', type: 'int' })
  leadDays: number;

  @Column({ name: 'published_available', type: 'int' })
  publishedAvailable: number;
}
