import type { DataSource, EntityManager } from 'typeorm';
import type {
  DispatchNotice,
  OrderConfirmation,
  PurchaseOrder,
  StockInquiry,
  TransportNotice,
} from '@tradelane/contracts';
import type { OurIdentity, OutboundDocument } from '@tradelane/edi';
import type { OutboundKind } from './edi-kinds';
import { EdiOrderRecord } from './entities/edi-order.entity';
import { TradingPartnerRecord } from './entities/trading-partner.entity';
import { writeOutbound } from './outbound-writer';

/** The order-log entries a partner gets a document for. */
const SOURCES = ['order-confirmation', 'dispatch-notice', 'transport-notice', 'stock-inquiry'] as const;
const BATCH = 200;

interface Entry {
  order_id: string;
  seq: number;
  name: (typeof SOURCES)[number];
  partner_id: string;
  payload: unknown;
}

/**
 * The transactional outbox: reads the order log of orders whose party has a profile, in order
 * of order and seq, and writes the documents each entry means for that party. Each entry's
 * documents and the order's cursor move in one transaction, with the cursor row locked, so a
 * crash or a second replica neither loses nor doubles one.
 */
export class OutboxSweep {
  constructor(
    private readonly db: DataSource,
    private readonly ours: OurIdentity,
  ) {}

  /** One pass; returns how many entries it handled. */
  async sweep(): Promise<number> {
    const [{ any }] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM distributor.trading_partners) AS any`);
    if (!any) return 0;
    const entries: Entry[] = await this.db.query(
      `SELECT m.order_id, m.seq, m.name, p.organisation_id AS partner_id, m.payload
         FROM distributor.order_messages m
         JOIN distributor.purchase_orders po ON po.order_id = m.order_id
         JOIN distributor.trading_partners p
           ON p.organisation_id = CASE WHEN m.name IN ('order-confirmation', 'dispatch-notice') THEN po.buyer_id ELSE m.receiver_id END
         LEFT JOIN distributor.edi_order_cursors c ON c.order_id = m.order_id
        WHERE m.name = ANY($1) AND m.seq > COALESCE(c.last_seq, -1) AND po.submitted_at >= p.created_at
        ORDER BY m.order_id, m.seq
        LIMIT ${BATCH}`,
      [SOURCES],
    );
    let handled = 0;
    for (const entry of entries) if (await this.handle(entry)) handled += 1;
    return handled;
  }

  private async handle(entry: Entry): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO distributor.edi_order_cursors (order_id, last_seq) VALUES ($1, -1) ON CONFLICT DO NOTHING`, [entry.order_id]);
      const [cursor] = await tx.query(`SELECT last_seq FROM distributor.edi_order_cursors WHERE order_id = $1 FOR UPDATE`, [entry.order_id]);
      if (cursor.last_seq >= entry.seq) return false;
      const partner = await tx.findOneByOrFail(TradingPartnerRecord, { organisationId: entry.partner_id });
      for (const [kind, doc] of await this.documentsOf(tx, entry, partner)) {
        if (partner.documents.includes(kind)) await writeOutbound(tx, partner, this.ours, doc, { orderId: entry.order_id, sourceSeq: entry.seq });
      }
      await tx.query(`UPDATE distributor.edi_order_cursors SET last_seq = $2 WHERE order_id = $1`, [entry.order_id, entry.seq]);
      return true;
    });
  }

  private async documentsOf(tx: EntityManager, entry: Entry, partner: TradingPartnerRecord): Promise<Array<[OutboundKind, OutboundDocument]>> {
    switch (entry.name) {
      case 'stock-inquiry':
      {
        const inquiry = entry.payload as StockInquiry;
        // BEG03 holds at most 22 characters; the whole inquiry id goes in REF*ZZ, which the 855 echoes.
        return [['stock-inquiry', { kind: 'stock-inquiry', inquiry, reference: inquiry.inquiryId.replace(/-/g, '').slice(0, 22).toUpperCase() }]];
      }
      case 'transport-notice':
      {
        // B202 is the carrier's SCAC, not our id for it.
        const ids = partner.identities;
        const notice = { ...(entry.payload as TransportNotice), carrierId: ids.scac ?? ids.isaId.replace(/[^A-Z]/g, '').slice(0, 4) };
        return [['load-tender', { kind: 'load-tender', notice }]];
      }
      case 'order-confirmation': {
        const { order, asked } = await this.orderOf(tx, entry.order_id);
        return [['order-confirmation', { kind: 'order-confirmation', confirmation: entry.payload as OrderConfirmation, order, ...asked }]];
      }
      case 'dispatch-notice':
        return this.shipped(tx, entry);
    }
  }

  /** A dispatch is recorded once its carrier has accepted: the ship notice, and the invoice once every confirmed line is dispatched. */
  private async shipped(tx: EntityManager, entry: Entry): Promise<Array<[OutboundKind, OutboundDocument]>> {
    const dispatch = entry.payload as DispatchNotice;
    const { order, asked } = await this.orderOf(tx, entry.order_id);
    const log: Array<{ name: string; payload: unknown }> = await tx.query(
      `SELECT name, payload FROM distributor.order_messages
        WHERE order_id = $1 AND seq <= $2 AND name IN ('order-confirmation', 'transport-notice', 'dispatch-notice') ORDER BY seq`,
      [entry.order_id, entry.seq],
    );
    const notice = log
      .filter((m) => m.name === 'transport-notice')
      .map((m) => m.payload as TransportNotice)
      .reverse()
      .find((n) => n.carrierId === dispatch.carrierId && n.pickupDate === dispatch.pickupDate);
    const documents: Array<[OutboundKind, OutboundDocument]> = [
      [
        'ship-notice',
        {
          kind: 'ship-notice',
          dispatch,
          order,
          ...asked,
          ...(notice ? { deliveryDate: notice.deliveryDate, shipFrom: notice.origin.code } : {}),
        },
      ],
    ];
    const confirmation = log.find((m) => m.name === 'order-confirmation')?.payload as OrderConfirmation | undefined;
    if (confirmation) {
      const dispatched = new Set(log.filter((m) => m.name === 'dispatch-notice').flatMap((m) => (m.payload as DispatchNotice).lines.map((l) => l.lineNo)));
      if (confirmation.lines.every((l) => dispatched.has(l.lineNo))) {
        documents.push([
          'invoice',
          {
            kind: 'invoice',
            confirmation,
            purchaseOrderNumber: asked.purchaseOrderNumber,
            ...(asked.buyerLineIds ? { buyerLineIds: asked.buyerLineIds } : {}),
            invoiceNumber: `INV${entry.order_id.replace(/-/g, '').slice(0, 12).toUpperCase()}`,
            invoiceDate: new Date().toISOString().slice(0, 10),
          },
        ]);
      }
    }
    return documents;
  }

  /** The purchase order, and what the buyer called it and its lines when it came as a document. */
  private async orderOf(tx: EntityManager, orderId: string): Promise<{ order: PurchaseOrder; asked: { purchaseOrderNumber: string; buyerLineIds?: string[] } }> {
    const [row] = await tx.query(`SELECT "order" FROM distributor.purchase_orders WHERE order_id = $1`, [orderId]);
    const order = row.order as PurchaseOrder;
    const edi = await tx.findOneBy(EdiOrderRecord, { orderId });
    return {
      order,
      asked: edi
        ? { purchaseOrderNumber: edi.purchaseOrderNumber, buyerLineIds: edi.buyerLineIds }
        : { purchaseOrderNumber: (order.idempotencyKey ?? order.orderId).slice(0, 22) },
    };
  }
}
