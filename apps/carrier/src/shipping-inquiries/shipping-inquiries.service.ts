import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { orderWorkflowId, type Reply, type ShippingInquiry, type ShippingQuote } from '@tradelane/contracts';
import { PartyInbox, WorkflowGateway, conflict, unprocessable, type Caller } from '@tradelane/platform';
import { shippingQuoteUpdate } from '@tradelane/workflows';
import { CarriersService } from '../carriers/carriers.service';
import type { ShippingQuoteDto } from './dto/shipping-quote.dto';
import { buildShippingQuote, pickRateCard } from './shipping-quote';
import { ShippingInquiryRecord } from './shipping-inquiry.entity';

/** The carrier's inbox of shipping inquiries. */
@Injectable()
export class ShippingInquiriesService extends PartyInbox<ShippingInquiryRecord> {
  constructor(
    @InjectRepository(ShippingInquiryRecord) private readonly inquiries: Repository<ShippingInquiryRecord>,
    private readonly carriers: CarriersService,
    private readonly orders: WorkflowGateway,
  ) {
    super(inquiries, { noun: 'shipping inquiry', id: 'inquiryId', addressee: 'carrierId', deadline: 'reminderDeadline' });
  }

  /** Step 4 arrives. Keyed by inquiry id, so a retry finds the first delivery. */
  async receive(inquiry: ShippingInquiry): Promise<Reply<ShippingQuote>> {
    const record = await this.arrived(inquiry.inquiryId, { orderId: inquiry.orderId, carrierId: inquiry.carrierId, inquiry });
    if (record.quote) return { mode: 'automatic', answer: record.quote };
    if (record.status === 'withdrawn') return { mode: 'declined', reason: `shipping inquiry ${inquiry.inquiryId} was withdrawn` };
    const carrier = await this.carriers.find(inquiry.carrierId);
    if (!carrier) return { mode: 'declined', reason: `no carrier ${inquiry.carrierId}` };
    if (carrier.answerMode === 'manual') return { mode: 'manual' };
    const card = pickRateCard(await this.carriers.rateCardsOf(carrier.id), inquiry);
    if (!card) return { mode: 'declined', reason: `${carrier.id} has no rate for ${inquiry.origin.country} → ${inquiry.destination.country}` };
    const quote = buildShippingQuote(inquiry, card, new Date());
    await this.inquiries.update({ inquiryId: inquiry.inquiryId, status: 'open' }, { status: 'quoted', quote });
    return { mode: 'automatic', answer: quote };
  }

  /** A person at the carrier's desk quotes (step 5); the quote names the caller's actor, never a name from the body. */
  async quote(inquiryId: string, dto: ShippingQuoteDto, caller: Caller): Promise<ShippingQuote> {
    const record = await this.get(inquiryId, caller);
    if (record.status === 'withdrawn') throw conflict(`shipping inquiry ${inquiryId} was withdrawn: ${record.withdrawnReason ?? 'no reason given'}`);
    if (record.status !== 'open') throw conflict(`shipping inquiry ${inquiryId} is already quoted`);
    const now = new Date();
    if (dto.validUntil !== undefined && !(new Date(dto.validUntil).getTime() > now.getTime())) {
      throw unprocessable([{ field: 'validUntil', message: 'must lie in the future' }]);
    }
    const card = pickRateCard(await this.carriers.rateCardsOf(record.carrierId), record.inquiry);
    if (!card && dto.priceMinor === undefined) {
      throw unprocessable([{ field: 'priceMinor', message: 'no rate card covers this lane, so a price is required' }]);
    }
    if (dto.pickupDate && dto.deliveryDate && dto.deliveryDate < dto.pickupDate) {
      throw unprocessable([{ field: 'deliveryDate', message: 'must not be before pickupDate' }]);
    }
    const quote = buildShippingQuote(record.inquiry, card, now, { ...dto, quotedBy: caller.actor });
    await this.orders.update(orderWorkflowId(record.orderId), shippingQuoteUpdate, quote);
    await this.inquiries.update({ inquiryId, status: 'open' }, { status: 'quoted', quote });
    return quote;
  }

  /** The inquiry no longer wants a quote (a compensation, or a quote not chosen); a quoted one keeps its quote. */
  withdraw(inquiryId: string, reason: string): Promise<void> {
    return this.close(inquiryId, ['open', 'quoted'], { status: 'withdrawn', withdrawnReason: reason, withdrawnAt: new Date() });
  }
}
