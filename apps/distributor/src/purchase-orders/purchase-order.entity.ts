import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PurchaseOrder } from '@tradelane/contracts';

/** A purchase order (step 1) as the distributor took it in; the workflow carries it from there. */
@Entity({ name: 'purchase_orders' })
export class PurchaseOrderRecord {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'buyer_id', type: 'text' })
  buyerId: string;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'body_hash', type: 'text' })
  bodyHash: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'jsonb' })
  order: PurchaseOrder;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
