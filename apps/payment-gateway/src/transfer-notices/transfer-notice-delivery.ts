import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { TransferNotice } from '@tradelane/contracts';
import {
  AccessTokenClient,
  faultError,
  faultInjector,
  SIGNATURE_HEADER,
  signWebhook,
  transferNoticeConfig,
  type TransferNoticeConfig,
} from '@tradelane/platform';
import { Transfer } from './transfer.entity';

/** The distributor may refuse a notice for good (unknown order, wrong amount); these statuses are worth retrying. */
const RETRYABLE_4XX = new Set([401, 403, 408, 425, 429]);

export function transferNoticeOf(transfer: Transfer): TransferNotice {
  return {
    eventId: transfer.eventId,
    transferId: transfer.transferId,
    orderId: transfer.orderId,
    paymentId: transfer.paymentId,
    amount: { amountMinor: transfer.amountMinor, currency: transfer.currency },
    transferredAt: transfer.transferredAt.toISOString(),
  };
}

/** Step 8: the gateway delivers the signed transfer notice to the distributor's webhook. */
@Injectable()
export class TransferNoticeDelivery {
  private readonly logger = new Logger(TransferNoticeDelivery.name);
  private readonly tokens: AccessTokenClient;

  constructor(
    @InjectRepository(Transfer) private readonly transfers: Repository<Transfer>,
    @Inject(transferNoticeConfig.KEY) private readonly config: TransferNoticeConfig,
  ) {
    if (!config.url) throw new Error('Invalid environment:\n  TRANSFER_NOTICE_URL: must be set (the distributor\'s transfer notice webhook)');
    if (!config.apiKey) throw new Error('Invalid environment:\n  TRANSFER_NOTICE_API_KEY: must be set (the gateway\'s API key, to post transfer notices as itself)');
    if (!config.tokenUrl) throw new Error('Invalid environment:\n  IDENTITY_TOKEN_URL: must be set (the distributor\'s POST /auth/token)');
    this.tokens = new AccessTokenClient(config.tokenUrl, config.apiKey);
  }

  /**
   * Delivers once per transfer: a delivered or refused notice is not sent again. Network errors
   * and 5xx throw, so that the activity is retried with the same event id; a 4xx refusal is
   * recorded on the transfer, since sending it again would be refused again.
   */
  async deliver(transfer: Transfer): Promise<Transfer> {
    if (transfer.deliveryStatus !== 'pending') return transfer;
    const body = JSON.stringify(transferNoticeOf(transfer));
    const fault = await faultInjector()?.at('webhook:transfer-notice');
    if (fault && fault.kind !== 'pass') throw faultError('webhook:transfer-notice', fault);
    const response = await fetch(this.config.url as string, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: await this.tokens.authorization(),
        [SIGNATURE_HEADER]: signWebhook(this.config.secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const answer = await response.text();
    const lost = await faultInjector()?.at('webhook-exit:transfer-notice');
    if (lost && lost.kind !== 'pass') throw faultError('webhook-exit:transfer-notice', lost);
    if (response.ok) return this.settle(transfer, 'delivered', null);
    if (response.status >= 500 || RETRYABLE_4XX.has(response.status)) {
      throw new Error(`transfer notice ${transfer.eventId} not delivered: the distributor answered ${response.status}`);
    }
    const reason = `${response.status}: ${detailOf(answer)}`;
    this.logger.warn(`transfer notice ${transfer.eventId} for order ${transfer.orderId} refused (${reason})`);
    return this.settle(transfer, 'refused', reason);
  }

  private async settle(transfer: Transfer, status: 'delivered' | 'refused', reason: string | null): Promise<Transfer> {
    const deliveredAt = new Date();
    await this.transfers.update(
      { transferId: transfer.transferId, deliveryStatus: 'pending' },
      { deliveryStatus: status, refusalReason: reason, deliveredAt },
    );
    return this.transfers.findOneByOrFail({ transferId: transfer.transferId });
  }
}

function detailOf(answer: string): string {
  try {
    const problem = JSON.parse(answer) as { detail?: unknown; title?: unknown };
    return String(problem.detail ?? problem.title ?? answer).slice(0, 500);
  } catch {
    return answer.slice(0, 500) || 'no body';
  }
}
