import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { orderWorkflowId, type TransferNotice } from '@tradelane/contracts';
import {
  FailureProblemException,
  ProblemException,
  WorkflowGateway,
  createValidationPipe,
  transferNoticeConfig,
  unprocessable,
  verifyWebhookSignature,
  type TransferNoticeConfig,
} from '@tradelane/platform';
import { transferNoticeUpdate } from '@tradelane/workflows';
import { TransferNoticeDto } from './dto/transfer-notice.dto';
import { TransferNoticeEvent, type TransferNoticeEventStatus } from './transfer-notice-event.entity';

interface Refusal {
  field: string;
  reason: string;
}

const unsigned = () =>
  new ProblemException(401, 'unauthorized', 'Unauthorized', 'the transfer notice does not carry a valid, current signature');

/** Step 8 arrives at the distributor: the gateway's signed webhook, applied to the order once per event. */
@Injectable()
export class TransferNoticesService {
  private readonly logger = new Logger(TransferNoticesService.name);
  private readonly validation = createValidationPipe();

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(TransferNoticeEvent) private readonly events: Repository<TransferNoticeEvent>,
    private readonly workflows: WorkflowGateway,
    @Inject(transferNoticeConfig.KEY) private readonly config: TransferNoticeConfig,
  ) {}

  /**
   * The signature is checked over the bytes as sent, before anything is read from them. A second
   * delivery of an event answers with the first outcome and changes nothing. A notice for an
   * unknown order or the wrong amount is kept as `refused` for an operator and answered 422.
   */
  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<TransferNoticeEvent> {
    if (!rawBody) throw new ProblemException(415, 'unsupported-media-type', 'Unsupported media type', 'send the transfer notice as application/json');
    const check = verifyWebhookSignature(this.config.secret, signature, rawBody, Math.floor(Date.now() / 1000), this.config.toleranceSeconds);
    if (!check.valid) {
      this.logger.warn(`transfer notice refused: signature ${check.reason}`);
      throw unsigned();
    }
    const notice = await this.parse(rawBody);
    const event = await this.dataSource.transaction((tx) => this.applyOnce(tx, notice));
    if (event.status === 'refused') {
      throw unprocessable([{ field: event.refusedField ?? 'eventId', message: event.reason ?? 'refused' }], event.reason ?? undefined);
    }
    return event;
  }

  list(filter: { status?: TransferNoticeEventStatus; orderId?: string }): Promise<TransferNoticeEvent[]> {
    return this.events.find({
      where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.orderId ? { orderId: filter.orderId } : {}) },
      order: { receivedAt: 'DESC' },
      take: 500,
    });
  }

  private async parse(rawBody: Buffer): Promise<TransferNotice> {
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new ProblemException(400, 'validation', 'Invalid request', 'request body is not valid JSON');
    }
    const dto = (await this.validation.transform(body, { type: 'body', metatype: TransferNoticeDto })) as TransferNoticeDto;
    return { ...dto, amount: { amountMinor: dto.amount.amountMinor, currency: dto.amount.currency } };
  }

  /**
   * The event row is written first: a concurrent delivery of the same event waits on its key and
   * then finds it. If the order cannot be reached (Temporal down), everything rolls back and the
   * gateway's retry starts afresh.
   */
  private async applyOnce(tx: EntityManager, notice: TransferNotice): Promise<TransferNoticeEvent> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(TransferNoticeEvent)
      .values({ eventId: notice.eventId, orderId: notice.orderId, status: 'accepted', body: notice, receivedAt: new Date() })
      .orIgnore()
      .returning(['eventId'])
      .execute();
    if (inserted.raw.length === 0) return tx.findOneByOrFail(TransferNoticeEvent, { eventId: notice.eventId });

    const refusal = await this.refusalOf(tx, notice);
    if (refusal) {
      await tx.update(TransferNoticeEvent, { eventId: notice.eventId }, { status: 'refused', reason: refusal.reason, refusedField: refusal.field });
      this.logger.warn(`transfer notice ${notice.eventId} for order ${notice.orderId} refused and flagged: ${refusal.reason}`);
    }
    return tx.findOneByOrFail(TransferNoticeEvent, { eventId: notice.eventId });
  }

  /**
   * The order itself checks the notice (is it paid and waiting, is this the amount due) when it
   * takes the update, so the webhook does not ask it first. The update is keyed by the event: a
   * delivery whose event row was lost with a rolled-back transaction gets the first outcome again.
   */
  private async refusalOf(tx: EntityManager, notice: TransferNotice): Promise<Refusal | undefined> {
    const known = await tx.query(`SELECT 1 FROM distributor.purchase_orders WHERE order_id = $1`, [notice.orderId]);
    if (known.length === 0) return { field: 'orderId', reason: `no order ${notice.orderId}` };
    try {
      await this.workflows.update(orderWorkflowId(notice.orderId), transferNoticeUpdate, notice, `transfer-notice:${notice.eventId}`);
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 404) return { field: 'orderId', reason: `order ${notice.orderId} has no workflow` };
      // The order refused it (its own checks, or it no longer takes answers): flag it, against the
      // field the order named (the amount, when it is not the amount due); anything else is retried.
      if (error instanceof ProblemException && error.getStatus() < 500) {
        const detail = detailOf(error);
        const field = error instanceof FailureProblemException ? error.failure.field : undefined;
        return field ? { field, reason: detail } : { field: 'orderId', reason: `the order refused it: ${detail}` };
      }
      throw error;
    }
    return undefined;
  }
}

function detailOf(error: ProblemException): string {
  const body = error.getResponse() as { detail?: string };
  return body.detail ?? error.message;
}
