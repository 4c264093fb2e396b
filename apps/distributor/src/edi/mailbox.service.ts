import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { mustSee, notFound, ownScope, readsEverything, type Caller } from '@tradelane/platform';
import type { EdiDocumentView, OutboxPageDto, OutboxQueryDto } from './dto/edi-document.dto';
import { OrganisationRecord } from '../identity/organisation.entity';
import { EdiDocumentRecord } from './entities/edi-document.entity';

const viewOf = ({
  raw: _raw,
  contentSha256: _hash,
  answerBody: _body,
  answerStatus: _status,
  answerType: _type,
  orderIds: _ids,
  sourceSeq: _seq,
  pushAttempts: _attempts,
  nextPushAt: _next,
  pushError: _error,
  ...view
}: EdiDocumentRecord): EdiDocumentView => view;

/** What partners read of their mailbox, and what auditors read of an order's documents. */
@Injectable()
export class MailboxService {
  constructor(
    @InjectRepository(EdiDocumentRecord) private readonly documents: Repository<EdiDocumentRecord>,
    @InjectRepository(OrganisationRecord) private readonly organisations: Repository<OrganisationRecord>,
  ) {}

  async outbox(caller: Caller, query: OutboxQueryDto): Promise<OutboxPageDto> {
    const after = query.after ?? 0;
    const partnerId = ownScope(caller) ?? query.partnerId;
    const q = this.documents
      .createQueryBuilder('d')
      .where(`d.direction = 'outbound'`)
      .andWhere('d.position > :after', { after })
      .orderBy('d.position', 'ASC')
      .limit(query.limit ?? 50);
    if (partnerId !== undefined) q.andWhere('d.partnerId = :partnerId', { partnerId });
    const items = (await q.getMany()).map(viewOf);
    return { items, nextCursor: items.at(-1)?.position ?? after };
  }

  async outbound(caller: Caller, id: string): Promise<EdiDocumentRecord> {
    const doc = await this.documents.findOneBy({ id, direction: 'outbound' });
    if (!doc) throw notFound('outbound document', id);
    mustSee(caller, doc.partnerId, 'outbound document', id);
    return doc;
  }

  /** The partner has taken the document; a second acknowledgment changes nothing. */
  async acknowledge(caller: Caller, id: string): Promise<EdiDocumentView> {
    const doc = await this.documents.findOneBy({ id, direction: 'outbound', partnerId: caller.organisationId });
    if (!doc) throw notFound('outbound document', id);
    if (doc.acknowledgedAt === null) {
      await this.documents.update({ id, acknowledgedAt: IsNull() }, { status: 'acknowledged', acknowledgedAt: new Date() });
    }
    return viewOf((await this.documents.findOneByOrFail({ id })));
  }

  /** Every document in and out for one order: auditors and operators all of them, a party its own. */
  async ofOrder(caller: Caller, orderId: string): Promise<EdiDocumentView[]> {
    if (!readsEverything(caller) && !(await this.isPartyOf(caller.organisationId, orderId))) throw notFound('order', orderId);
    return (await this.storedOfOrder(orderId, ownScope(caller))).map(({ partnerRole: _role, ...doc }) => viewOf(doc));
  }

  /** One document in or out as stored, raw text included: auditors and operators any, a partner its own. */
  async stored(caller: Caller, id: string): Promise<EdiDocumentRecord> {
    const doc = await this.documents.findOneBy({ id });
    if (!doc) throw notFound('document', id);
    mustSee(caller, doc.partnerId, 'document', id);
    return doc;
  }

  /**
   * The order's documents as stored, oldest first: those linked to it, and the answers to its
   * inbound documents (rejections carry no order), each with its partner's role.
   */
  async storedOfOrder(orderId: string, partnerId?: string): Promise<Array<EdiDocumentRecord & { partnerRole: string }>> {
    const q = this.documents.createQueryBuilder('d').where(':orderId = ANY(d.order_ids)', { orderId }).orderBy('d.position', 'ASC');
    if (partnerId !== undefined) q.andWhere('d.partnerId = :partnerId', { partnerId });
    const rows = await q.getMany();
    const replies =
      rows.length === 0
        ? []
        : await this.documents
            .createQueryBuilder('d')
            .where('d.inReplyTo IN (:...ids)', { ids: rows.map((r) => r.id) })
            .andWhere('NOT (:orderId = ANY(d.order_ids))', { orderId })
            .getMany();
    const all = [...rows, ...replies].sort((a, b) => a.position - b.position);
    const partnerIds = [...new Set(all.map((d) => d.partnerId))];
    const roles = new Map(
      partnerIds.length === 0 ? [] : (await this.organisations.findBy({ id: In(partnerIds) })).map((o) => [o.id, o.role as string]),
    );
    return all.map((d) => Object.assign(d, { partnerRole: roles.get(d.partnerId) ?? 'unknown' }));
  }

  private async isPartyOf(organisationId: string, orderId: string): Promise<boolean> {
    const rows: unknown[] = await this.documents.query(
      `SELECT 1 FROM distributor.purchase_orders WHERE order_id = $1 AND buyer_id = $2
       UNION ALL
       SELECT 1 FROM distributor.order_messages WHERE order_id = $1 AND (sender_id = $2 OR receiver_id = $2)
       LIMIT 1`,
      [orderId, organisationId],
    );
    return rows.length > 0;
  }
}
