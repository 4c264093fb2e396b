import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import {
  orderWorkflowId,
  type Reply,
  type TransportAcceptance,
  type TransportNotice,
  type TransportRejection,
} from '@tradelane/contracts';
import { PartyInbox, WorkflowGateway, conflict, type Caller } from '@tradelane/platform';
import { transportAcceptanceUpdate, transportRejectionUpdate } from '@tradelane/workflows';
import { CarriersService } from '../carriers/carriers.service';
import { TransportNoticeRecord } from './transport-notice.entity';

/** The carrier's inbox of transport notices: the bookings. */
@Injectable()
export class TransportNoticesService extends PartyInbox<TransportNoticeRecord> {
  constructor(
    @InjectRepository(TransportNoticeRecord) private readonly notices: Repository<TransportNoticeRecord>,
    private readonly carriers: CarriersService,
    private readonly orders: WorkflowGateway,
  ) {
    super(notices, { noun: 'transport notice', id: 'noticeId', addressee: 'carrierId', deadline: 'reminderDeadline' });
  }

  /** Step 7's booking arrives. Keyed by notice id. */
  async receive(notice: TransportNotice): Promise<Reply<TransportAcceptance>> {
    const record = await this.arrived(notice.noticeId, { orderId: notice.orderId, carrierId: notice.carrierId, notice });
    if (record.status === 'accepted') return { mode: 'automatic', answer: acceptanceOf(record) };
    if (record.status === 'rejected') return { mode: 'declined', reason: record.rejectionReason ?? 'rejected' };
    if (record.status === 'cancelled') return { mode: 'declined', reason: `transport notice ${notice.noticeId} was cancelled` };
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

  /** A person at the carrier's desk accepts the shipment; the acceptance names the caller's actor. */
  async accept(noticeId: string, caller: Caller): Promise<TransportAcceptance> {
    const record = await this.getOpen(noticeId, caller);
    const acceptedBy = caller.actor;
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

  /** A person at the carrier's desk will not take the shipment (the caller's actor); the order books the next best carrier. */
  async reject(noticeId: string, reason: string, caller: Caller): Promise<TransportRejection> {
    const record = await this.getOpen(noticeId, caller);
    const rejectedBy = caller.actor;
    const rejectedAt = new Date();
    const rejection: TransportRejection = {
      noticeId,
      orderId: record.orderId,
      carrierId: record.carrierId,
      rejectedBy,
      reason,
      rejectedAt: rejectedAt.toISOString(),
    };
    // The order hears it first: if it refuses, the booking stays open and nothing is recorded.
    await this.orders.update(orderWorkflowId(record.orderId), transportRejectionUpdate, rejection);
    // Once the order has taken the rejection it cancels this booking, and that cancellation can
    // land before this write: the rejection is still what happened, so it is recorded over it.
    await this.notices.update(
      { noticeId, status: In(['open', 'cancelled']), rejectedBy: IsNull() },
      { status: 'rejected', rejectedBy, rejectionReason: reason, rejectedAt },
    );
    return rejection;
  }

  /** The booking is called off (a compensation), accepted or not. */
  cancel(noticeId: string, reason: string): Promise<void> {
    return this.close(noticeId, ['open', 'accepted'], { status: 'cancelled', cancellationReason: reason, cancelledAt: new Date() });
  }

  private async getOpen(noticeId: string, caller: Caller): Promise<TransportNoticeRecord> {
    const record = await this.get(noticeId, caller);
    if (record.status !== 'open') throw conflict(`transport notice ${noticeId} is already ${record.status}`);
    return record;
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
