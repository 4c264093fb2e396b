import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

@Entity({ name: 'stock_items' })
export class StockItem {
  @PrimaryColumn({ name: 'supplier_id', type: 'text' })
  supplierId: string;

  @PrimaryColumn({ type: 'text' })
  sku: string;

  @Column({ name: 'on_hand', type: 'bigint', transformer: bigintToNumber })
  onHand: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintToNumber })
  unitPriceMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;
}
