import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the distributor sells and how heavy it is; who can supply it is in its offers. */
@Entity({ name: 'catalogue_items' })
export class CatalogueItem {
  @PrimaryColumn({ type: 'text' })
  sku: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'unit_weight_grams', type: 'int' })
  unitWeightGrams: number;
}
