import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { buildOutbound, type OurIdentity, type OutboundDocument } from '@tradelane/edi';
import { EdiDocumentRecord } from './entities/edi-document.entity';
import type { TradingPartnerRecord } from './entities/trading-partner.entity';
import { partnerSyntax } from './partner-syntax';
import { sha256 } from './trading-partners.service';

export interface OutboundOrigin {
  orderId?: string;
  /** the order-log entry it was made from; makes a second sweep over it a no-op */
  sourceSeq?: number;
  inReplyTo?: string;
}

/**
 * The partner's next control number. The counter row is taken in the caller's transaction, so a
 * number is used by the document inserted with it or by none: never twice, whatever the replicas.
 */
export async function nextControlNumber(tx: EntityManager, partnerId: string): Promise<number> {
  const rows: Array<{ last_used: string }> = await tx.query(
    `INSERT INTO distributor.edi_control_numbers (partner_id, last_used) VALUES ($1, 1)
     ON CONFLICT (partner_id) DO UPDATE SET last_used = distributor.edi_control_numbers.last_used + 1
     RETURNING last_used`,
    [partnerId],
  );
  return Number(rows[0].last_used);
}

/** Writes one outbound document into the partner's outbox, in the caller's transaction. */
export async function writeOutbound(
  tx: EntityManager,
  partner: TradingPartnerRecord,
  ours: OurIdentity,
  doc: OutboundDocument,
  origin: OutboundOrigin = {},
): Promise<EdiDocumentRecord> {
  const n = await nextControlNumber(tx, partner.organisationId);
  const built = buildOutbound(doc, partnerSyntax(partner), ours, { interchange: n, group: n, transaction: n });
  return insertOutbound(tx, partner, built.documentType, built.raw, built.controlNumbers, origin);
}

export async function insertOutbound(
  tx: EntityManager,
  partner: TradingPartnerRecord,
  documentType: string,
  raw: string,
  control: { interchange?: string; group?: string; transaction?: string },
  origin: OutboundOrigin,
): Promise<EdiDocumentRecord> {
  const row: Partial<EdiDocumentRecord> = {
    id: randomUUID(),
    partnerId: partner.organisationId,
    direction: 'outbound',
    standard: partner.standard,
    version: partner.version,
    documentType,
    interchangeControl: control.interchange ?? null,
    groupControl: control.group ?? null,
    transactionControl: control.transaction ?? null,
    status: 'ready',
    raw,
    contentSha256: sha256(raw),
    orderId: origin.orderId ?? null,
    orderIds: origin.orderId ? [origin.orderId] : [],
    inReplyTo: origin.inReplyTo ?? null,
    sourceSeq: origin.sourceSeq ?? null,
    createdAt: new Date(),
    nextPushAt: partner.pushUrl ? new Date() : null,
  };
  await tx.createQueryBuilder().insert().into(EdiDocumentRecord).values(row).execute();
  return row as EdiDocumentRecord;
}
