import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the distributor sells, how heavy it is, and which supplier it sources it from. */
@Entity({ name: 'catalogue_items' })
export class CatalogueItem {
  @PrimaryColumn({ type: 'text' })
  sku: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'unit_weight_grams', type: 'int' })
  unitWeightGrams: number;

  @Column({ name: 'supplier_id', type: 'text' })
  supplierId: string;
}
