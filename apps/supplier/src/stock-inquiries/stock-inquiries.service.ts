import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { orderWorkflowId, type Reply, type StockAnswer, type StockInquiry } from '@tradelane/contracts';
import { PartyInbox, WorkflowGateway, conflict, unprocessable, type Caller } from '@tradelane/platform';
import { stockAnswerUpdate } from '@tradelane/workflows';
import { allocate } from '../reservations/allocation';
import { holdEnd, holdReservations, releaseReservations, stockLevels } from '../reservations/stock-levels';
import { Supplier } from '../suppliers/supplier.entity';
import type { StockAnswerDto } from './dto/stock-answer.dto';
import { checkPersonAnswer } from './person-answer-checks';
import { buildStockAnswer } from './stock-answer';
import { StockInquiryRecord } from './stock-inquiry.entity';

/** The supplier's inbox of stock inquiries; reminders are kept while an inquiry waits for its answer. */
@Injectable()
export class StockInquiriesService extends PartyInbox<StockInquiryRecord> {
  private readonly logger = new Logger(StockInquiriesService.name);

  constructor(
    @InjectRepository(StockInquiryRecord) private readonly inquiries: Repository<StockInquiryRecord>,
    @InjectRepository(Supplier) private readonly suppliers: Repository<Supplier>,
    private readonly dataSource: DataSource,
    private readonly orders: WorkflowGateway,
  ) {
    super(inquiries, {
      noun: 'stock inquiry',
      id: 'inquiryId',
      addressee: 'supplierId',
      deadline: 'answerDeadline',
      remindWhile: 'open',
      remindFor: 'stock-answer',
    });
  }

  /** Step 2 arrives. Keyed by inquiry id, so a retry finds the first delivery and reserves nothing more. */
  async receive(inquiry: StockInquiry): Promise<Reply<StockAnswer>> {
    const record = await this.arrived(inquiry.inquiryId, {
      orderId: inquiry.orderId,
      supplierId: inquiry.supplierId,
      currency: inquiry.currency,
      lines: inquiry.lines,
    });
    if (record.answer) return { mode: 'automatic', answer: record.answer };
    if (record.status === 'withdrawn') return { mode: 'declined', reason: `stock inquiry ${record.inquiryId} was withdrawn` };
    const supplier = await this.suppliers.findOneBy({ id: inquiry.supplierId });
    if (!supplier) return { mode: 'declined', reason: `no supplier ${inquiry.supplierId}` };
    if (supplier.answerMode === 'manual') return { mode: 'manual' };
    return this.answerFromStock(record.inquiryId, supplier);
  }

  /** Availability, the reservations and the answered status in one transaction, under the stock locks. */
  private answerFromStock(inquiryId: string, supplier: Supplier): Promise<Reply<StockAnswer>> {
    return this.dataSource.transaction(async (tx) => {
      const record = await this.lockInquiry(tx, inquiryId);
      // A concurrent delivery of the same inquiry may have answered while we waited for the lock.
      if (record.answer) return { mode: 'automatic', answer: record.answer };
      if (record.status !== 'open') return { mode: 'declined', reason: `stock inquiry ${inquiryId} was withdrawn` };
      const levels = await stockLevels(tx, supplier.id, record.lines.map((l) => l.sku), { lock: true });
      const heldUntil = await holdEnd(tx, supplier.reservationHoldMinutes);
      const answer = buildStockAnswer(record, supplier, [...levels.values()], 'automatic', new Date(), { reservedUntil: heldUntil });
      await holdReservations(tx, record, answer.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantityCommitted })), heldUntil);
      await tx.update(StockInquiryRecord, { inquiryId, status: 'open' }, { status: 'answered', answer, answeredAt: new Date() });
      return { mode: 'automatic', answer };
    });
  }

  /** A person at the supplier answers (step 3); the answer names the caller's actor, never a name from the body. */
  async answer(inquiryId: string, dto: StockAnswerDto, caller: Caller): Promise<StockAnswer> {
    const record = await this.get(inquiryId, caller);
    this.assertOpen(record);
    const supplier = await this.suppliers.findOneByOrFail({ id: record.supplierId });
    const levels = await stockLevels(this.dataSource.manager, supplier.id, record.lines.map((l) => l.sku), { lock: false });
    const { given, problems } = checkPersonAnswer(record, dto.lines, levels);
    if (problems.length > 0) throw unprocessable(problems);
    const heldUntil = await holdEnd(this.dataSource.manager, supplier.reservationHoldMinutes);
    const answer = buildStockAnswer(record, supplier, [...levels.values()], caller.actor, new Date(), {
      person: given,
      reservedUntil: heldUntil,
    });
    await this.orders.update(orderWorkflowId(record.orderId), stockAnswerUpdate, answer);
    await this.holdForPersonAnswer(answer, heldUntil);
    return answer;
  }

  /**
   * Runs once the order has accepted a person's answer, so that nothing is held for an answer the
   * order refuses. The 422 check ran without locks and another order may have taken units since:
   * under the locks, each line holds what it committed or, if that is gone, what is left, never
   * more than is available. A line held short is logged; its dispatch then takes what is free or
   * fails with StockGone, which the order compensates. If the order withdrew the inquiry in the
   * meantime its compensation has already run, so nothing is held.
   */
  async holdForPersonAnswer(answer: StockAnswer, heldUntil: Date): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const record = await this.lockInquiry(tx, answer.inquiryId);
      if (record.status !== 'open') return;
      const levels = await stockLevels(tx, record.supplierId, record.lines.map((l) => l.sku), { lock: true });
      const wants = answer.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantityCommitted }));
      const held = allocate(wants, new Map([...levels.values()].map((l) => [l.sku, l.available])));
      const short = wants.filter((w) => (held.get(w.lineNo) ?? 0) < w.quantity);
      if (short.length > 0) {
        const lines = short.map((w) => `${w.lineNo} (${held.get(w.lineNo)} of ${w.quantity} ${w.sku})`).join(', ');
        this.logger.warn(`stock inquiry ${answer.inquiryId}: stock went between answer and hold, lines held short: ${lines}`);
      }
      await holdReservations(tx, record, wants.map((w) => ({ ...w, quantity: held.get(w.lineNo) ?? 0 })), heldUntil);
      await tx.update(StockInquiryRecord, { inquiryId: record.inquiryId, status: 'open' }, { status: 'answered', answer, answeredAt: new Date() });
    });
  }

  /**
   * The order no longer needs this inquiry (a compensation). An open one is closed; any units it
   * holds are freed. Unknown inquiries are ignored: the inquiry may never have arrived.
   */
  async withdraw(inquiryId: string, reason: string): Promise<void> {
    if (!isUUID(inquiryId)) return;
    await this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT 1 FROM supplier.stock_inquiries WHERE inquiry_id = $1 FOR UPDATE`, [inquiryId]);
      if (!row) return;
      await tx.query(
        `UPDATE supplier.stock_inquiries
            SET status = CASE WHEN status = 'open' THEN 'withdrawn' ELSE status END,
                withdrawn_at = now(), withdraw_reason = $2
          WHERE inquiry_id = $1 AND withdrawn_at IS NULL`,
        [inquiryId, reason],
      );
      await releaseReservations(tx, inquiryId);
    });
  }

  private assertOpen(record: StockInquiryRecord): void {
    if (record.status === 'withdrawn') {
      throw conflict(`stock inquiry ${record.inquiryId} is withdrawn${record.withdrawReason ? `: ${record.withdrawReason}` : ''}`);
    }
    if (record.status !== 'open') throw conflict(`stock inquiry ${record.inquiryId} is already answered`);
  }

  private async lockInquiry(tx: EntityManager, inquiryId: string): Promise<StockInquiryRecord> {
    return tx.getRepository(StockInquiryRecord).findOneOrFail({ where: { inquiryId }, lock: { mode: 'pessimistic_write' } });
  }
}
