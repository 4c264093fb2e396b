import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@tradelane/platform';

export type EdiDirection = 'inbound' | 'outbound';

/**
 * One document as it was received or sent. Inbound: `received` before anything acts on it, then
 * `accepted`, `rejected`, `duplicate` (a resend, answered with the first outcome) or `refused`
 * (its control number was used for other content). Outbound: `ready`, then `acknowledged`.
 */
@Entity({ name: 'edi_documents' })
export class EdiDocumentRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The partner's outbox cursor: documents are listed after a position. */
  @Column({ type: 'bigint', insert: false, update: false, transformer: bigintToNumber })
  position: number;

  @Column({ name: 'partner_id', type: 'text' })
  partnerId: string;

  @Column({ type: 'text' })
  direction: EdiDirection;

  @Column({ type: 'text' })
  standard: string;

  @Column({ type: 'text', nullable: true })
  version: string | null;

  /** 850, 997, OrderRequest, ORDERS, …; `unknown` for what could not be read */
  @Column({ name: 'document_type', type: 'text' })
  documentType: string;

  @Column({ name: 'interchange_control', type: 'text', nullable: true })
  interchangeControl: string | null;

  @Column({ name: 'group_control', type: 'text', nullable: true })
  groupControl: string | null;

  @Column({ name: 'transaction_control', type: 'text', nullable: true })
  transactionControl: string | null;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text' })
  raw: string;

  @Column({ name: 'content_sha256', type: 'text' })
  contentSha256: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ name: 'order_ids', type: 'uuid', array: true })
  orderIds: string[];

  @Column({ name: 'in_reply_to', type: 'uuid', nullable: true })
  inReplyTo: string | null;

  @Column({ name: 'source_seq', type: 'int', nullable: true })
  sourceSeq: number | null;

  @Column({ name: 'answer_status', type: 'int', nullable: true })
  answerStatus: number | null;

  @Column({ name: 'answer_type', type: 'text', nullable: true })
  answerType: string | null;

  @Column({ name: 'answer_body', type: 'text', nullable: true })
  answerBody: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  /** Outbound to a partner with a push URL: tries so far, when the next is due (null: none), when it was delivered. */
  @Column({ name: 'push_attempts', type: 'int', default: 0 })
  pushAttempts: number;

  @Column({ name: 'next_push_at', type: 'timestamptz', nullable: true })
  nextPushAt: Date | null;

  @Column({ name: 'pushed_at', type: 'timestamptz', nullable: true })
  pushedAt: Date | null;

  @Column({ name: 'push_error', type: 'text', nullable: true })
  pushError: string | null;
}
