import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { orderWorkflowId, type Reply, type TransportAcceptance, type TransportNotice } from '@tradelane/contracts';
import { WorkflowGateway, conflict, notFound, receiveOnce } from '@tradelane/platform';
import { transportAcceptanceUpdate } from '@tradelane/workflows';
import { CarriersService } from '../carriers/carriers.service';
import { TransportNoticeRecord } from './transport-notice.entity';

@Injectable()
export class TransportNoticesService {
  constructor(
    @InjectRepository(TransportNoticeRecord) private readonly notices: Repository<TransportNoticeRecord>,
    private readonly carriers: CarriersService,
    private readonly orders: WorkflowGateway,
  ) {}

  /** Activity: step 7's booking arrives. Keyed by notice id. */
  async receiveTransportNotice(notice: TransportNotice): Promise<Reply<TransportAcceptance>> {
    const record = await receiveOnce(
      this.notices,
      {
        noticeId: notice.noticeId,
        orderId: notice.orderId,
        carrierId: notice.carrierId,
        notice,
        status: 'open',
        receivedAt: new Date(),
      },
      { noticeId: notice.noticeId },
    );
    if (record.status === 'accepted') return { mode: 'automatic', answer: acceptanceOf(record) };
    const carrier = await this.carriers.find(notice.carrierId);
    if (!carrier) return { mode: 'declined', reason: `no carrier ${notice.carrierId}` };
    if (carrier.answerMode === 'manual') return { mode: 'manual' };
    record.status = 'accepted';
    record.acceptedBy = 'automatic';
    record.acceptedAt = new Date();
    await this.notices.update(
      { noticeId: record.noticeId, status: 'open' },
      { status: 'accepted', acceptedBy: record.acceptedBy, acceptedAt: record.acceptedAt },
    );
    return { mode: 'automatic', answer: acceptanceOf(record) };
  }

  /** A person at the carrier's desk accepts the shipment. */
  async accept(noticeId: string, acceptedBy: string): Promise<TransportAcceptance> {
    const record = await this.get(noticeId);
    if (record.status !== 'open') throw conflict(`transport notice ${noticeId} is already accepted`);
    record.acceptedBy = acceptedBy;
    record.acceptedAt = new Date();
    const acceptance = acceptanceOf(record);
    await this.orders.update(orderWorkflowId(record.orderId), transportAcceptanceUpdate, acceptance);
    await this.notices.update(
      { noticeId, status: 'open' },
      { status: 'accepted', acceptedBy, acceptedAt: record.acceptedAt },
    );
    record.status = 'accepted';
    return acceptance;
  }

  async get(noticeId: string): Promise<TransportNoticeRecord> {
    const record = await this.notices.findOneBy({ noticeId });
    if (!record) throw notFound('transport notice', noticeId);
    return record;
  }

  list(carrierId: string, status?: 'open' | 'accepted'): Promise<TransportNoticeRecord[]> {
    return this.notices.find({
      where: { carrierId, ...(status ? { status } : {}) },
      order: { receivedAt: 'ASC' },
      take: 500,
    });
  }
}

function acceptanceOf(record: TransportNoticeRecord): TransportAcceptance {
  return {
    noticeId: record.noticeId,
    orderId: record.orderId,
    carrierId: record.carrierId,
    acceptedBy: record.acceptedBy ?? 'automatic',
    acceptedAt: (record.acceptedAt ?? new Date()).toISOString(),
  };
}
