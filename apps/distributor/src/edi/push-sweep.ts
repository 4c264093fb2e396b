import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MEDIA_TYPE } from './partner-syntax';
import { pushAllowed } from './push-hosts';

export const MAX_PUSH_ATTEMPTS = 10;
const PUSH_TIMEOUT_MS = 5_000;
const BATCH = 20;
/** A claimed document is someone's for this long; a crashed replica's claim lapses and it is tried again. */
const CLAIM_MS = 60_000;

interface Due {
  id: string;
  raw: string;
  standard: string;
  document_type: string;
  interchange_control: string | null;
  push_attempts: number;
  push_url: string;
}

/**
 * Delivers outbound documents to partners that gave a push URL, oldest first, with back-off
 * (base × 2^attempt, at most an hour) and at most MAX_PUSH_ATTEMPTS tries; the outbox keeps
 * them either way. A document is claimed before it is sent, so two replicas never send it at once.
 */
export class PushSweep {
  private readonly logger = new Logger('EdiPush');

  constructor(
    private readonly db: DataSource,
    private readonly retryBaseMs: number,
  ) {}

  async sweep(): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [due]: [Due[], number] = await this.db.query(
      `UPDATE distributor.edi_documents d SET next_push_at = now() + make_interval(secs => $1::double precision / 1000)
         FROM distributor.trading_partners p
        WHERE d.id IN (SELECT e.id FROM distributor.edi_documents e
                         JOIN distributor.trading_partners tp ON tp.organisation_id = e.partner_id AND tp.push_url IS NOT NULL
                        WHERE e.next_push_at <= now() AND e.pushed_at IS NULL AND e.direction = 'outbound'
                        ORDER BY e.position LIMIT ${BATCH} FOR UPDATE OF e SKIP LOCKED)
          AND p.organisation_id = d.partner_id AND p.push_url IS NOT NULL
        RETURNING d.id, d.raw, d.standard, d.document_type, d.interchange_control, d.push_attempts, p.push_url`,
      [CLAIM_MS],
    );
    let delivered = 0;
    for (const doc of due) if (await this.push(doc)) delivered += 1;
    return delivered;
  }

  private async push(doc: Due): Promise<boolean> {
    let error: string | undefined;
    try {
      if (!pushAllowed(doc.push_url)) throw new Error(`${new URL(doc.push_url).hostname} is not in EDI_PUSH_HOSTS`);
      const response = await fetch(doc.push_url, {
        method: 'POST',
        headers: {
          'content-type': MEDIA_TYPE[doc.standard] ?? 'text/plain',
          'x-edi-document-id': doc.id,
          'x-edi-document-type': doc.document_type,
          'x-edi-control-number': doc.interchange_control ?? '',
        },
        body: doc.raw,
        redirect: 'manual',
        signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        await this.db.query(`UPDATE distributor.edi_documents SET pushed_at = now(), next_push_at = NULL, push_attempts = push_attempts + 1, push_error = NULL WHERE id = $1`, [doc.id]);
        return true;
      }
      error = `answered ${response.status}`;
    } catch (failure) {
      error = (failure as Error).message;
    }
    const attempts = doc.push_attempts + 1;
    const delayMs = Math.min(this.retryBaseMs * 2 ** (attempts - 1), 3_600_000);
    await this.db.query(
      `UPDATE distributor.edi_documents SET push_attempts = $2::int, push_error = $3::text,
              next_push_at = CASE WHEN $2::int >= $4::int THEN NULL ELSE now() + make_interval(secs => $5::double precision / 1000) END
        WHERE id = $1`,
      [doc.id, attempts, error, MAX_PUSH_ATTEMPTS, delayMs],
    );
    if (attempts >= MAX_PUSH_ATTEMPTS) this.logger.warn(`gave up pushing ${doc.document_type} ${doc.id} after ${attempts} tries: ${error}`);
    return false;
  }
}
