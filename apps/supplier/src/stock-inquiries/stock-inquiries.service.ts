import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { orderWorkflowId, type Reply, type StockAnswer, type StockInquiry } from '@tradelane/contracts';
import { WorkflowGateway, conflict, notFound, receiveOnce, unprocessable, type FieldProblem } from '@tradelane/platform';
import { stockAnswerUpdate } from '@tradelane/workflows';
import { StockItem } from '../suppliers/stock-item.entity';
import { Supplier } from '../suppliers/supplier.entity';
import type { StockAnswerDto } from './dto/stock-answer.dto';
import { buildStockAnswer, type PersonLineAnswer } from './stock-answer';
import { StockInquiryRecord, type InquiryStatus } from './stock-inquiry.entity';

@Injectable()
export class StockInquiriesService {
  constructor(
    @InjectRepository(StockInquiryRecord) private readonly inquiries: Repository<StockInquiryRecord>,
    @InjectRepository(Supplier) private readonly suppliers: Repository<Supplier>,
    @InjectRepository(StockItem) private readonly stock: Repository<StockItem>,
    private readonly orders: WorkflowGateway,
  ) {}

  /** Activity: step 2 arrives. Keyed by inquiry id, so a retry finds the first delivery. */
  async receiveStockInquiry(inquiry: StockInquiry): Promise<Reply<StockAnswer>> {
    const record = await receiveOnce(
      this.inquiries,
      {
        inquiryId: inquiry.inquiryId,
        orderId: inquiry.orderId,
        supplierId: inquiry.supplierId,
        currency: inquiry.currency,
        lines: inquiry.lines,
        status: 'open',
        receivedAt: new Date(),
      },
      { inquiryId: inquiry.inquiryId },
    );
    if (record.answer) return { mode: 'automatic', answer: record.answer };
    const supplier = await this.suppliers.findOneBy({ id: inquiry.supplierId });
    if (!supplier) return { mode: 'declined', reason: `no supplier ${inquiry.supplierId}` };
    if (supplier.answerMode === 'manual') return { mode: 'manual' };
    const answer = buildStockAnswer(record, supplier, await this.stockFor(record), 'automatic', new Date());
    await this.inquiries.update(
      { inquiryId: record.inquiryId, status: 'open' },
      { status: 'answered', answer, answeredAt: new Date() },
    );
    return { mode: 'automatic', answer };
  }

  /** A person at the supplier answers (step 3). */
  async answer(inquiryId: string, dto: StockAnswerDto): Promise<StockAnswer> {
    const record = await this.get(inquiryId);
    if (record.status !== 'open') throw conflict(`stock inquiry ${inquiryId} is already answered`);
    const asked = new Map(record.lines.map((l) => [l.lineNo, l]));
    const given = new Map<number, PersonLineAnswer>();
    const problems: FieldProblem[] = [];
    dto.lines.forEach((line, i) => {
      const want = asked.get(line.lineNo);
      if (!want) problems.push({ field: `lines[${i}].lineNo`, message: `line ${line.lineNo} was not asked` });
      else if (given.has(line.lineNo)) problems.push({ field: `lines[${i}].lineNo`, message: `line ${line.lineNo} answered twice` });
      else if (line.quantityCommitted > want.quantity) {
        problems.push({
          field: `lines[${i}].quantityCommitted`,
          message: `${line.quantityCommitted} is more than the ${want.quantity} asked`,
        });
      }
      given.set(line.lineNo, line);
    });
    for (const lineNo of asked.keys()) {
      if (!given.has(lineNo)) problems.push({ field: 'lines', message: `line ${lineNo} has no answer` });
    }
    if (problems.length > 0) throw unprocessable(problems);
    const supplier = await this.suppliers.findOneByOrFail({ id: record.supplierId });
    const answer = buildStockAnswer(record, supplier, await this.stockFor(record), dto.answeredBy, new Date(), given);
    await this.orders.update(orderWorkflowId(record.orderId), stockAnswerUpdate, answer);
    await this.inquiries.update(
      { inquiryId, status: 'open' },
      { status: 'answered', answer, answeredAt: new Date() },
    );
    return answer;
  }

  async get(inquiryId: string): Promise<StockInquiryRecord> {
    const record = await this.inquiries.findOneBy({ inquiryId });
    if (!record) throw notFound('stock inquiry', inquiryId);
    return record;
  }

  list(supplierId: string, status?: InquiryStatus): Promise<StockInquiryRecord[]> {
    return this.inquiries.find({
      where: { supplierId, ...(status ? { status } : {}) },
      order: { receivedAt: 'ASC' },
      take: 500,
    });
  }

  private stockFor(record: StockInquiryRecord): Promise<StockItem[]> {
    return this.stock.findBy({ supplierId: record.supplierId, sku: In(record.lines.map((l) => l.sku)) });
  }
}
