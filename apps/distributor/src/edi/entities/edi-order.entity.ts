import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An order that came in as a document: what the buyer called it and its lines, for the documents sent back. */
@Entity({ name: 'edi_orders' })
export class EdiOrderRecord {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'partner_id', type: 'text' })
  partnerId: string;

  @Column({ name: 'inbound_document_id', type: 'uuid' })
  inboundDocumentId: string;

  @Column({ name: 'purchase_order_number', type: 'text' })
  purchaseOrderNumber: string;

  @Column({ name: 'buyer_line_ids', type: 'text', array: true })
  buyerLineIds: string[];
}
