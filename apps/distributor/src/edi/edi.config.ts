import { registerAs } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { readEnvironment, WholeNumber } from '@tradelane/platform';
import type { OurIdentity } from '@tradelane/edi';

export class EdiEnvironment {
  /** how often the outbox reads new order-log entries for documents to send */
  @IsOptional()
  @WholeNumber(100, 3_600_000)
  EDI_OUTBOX_INTERVAL_MS?: number;

  /** the largest document /edi/inbound reads; a longer one is stored and refused with the standard's rejection */
  @IsOptional()
  @WholeNumber(1024, 16 * 1024 * 1024)
  EDI_MAX_DOCUMENT_BYTES?: number;

  /** the first wait before pushing a document again to a partner's URL; doubled each try */
  @IsOptional()
  @WholeNumber(10, 3_600_000)
  EDI_PUSH_RETRY_BASE_MS?: number;

  /** Tradelane's ISA06/ISA08 and GS02/GS03 id (qualifier ZZ), EDIFACT UNB id and cXML identity */
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9._-]{1,14}$/, { message: 'must be 2 to 15 upper-case letters, digits, dot, dash or underscore' })
  EDI_OUR_ID?: string;
}

export const ediConfig = registerAs('edi', () => {
  const env = readEnvironment(EdiEnvironment);
  const id = env.EDI_OUR_ID ?? 'TRADELANE';
  const ours: OurIdentity = {
    x12: { qualifier: 'ZZ', id, groupId: id },
    edifact: { id, qualifier: 'ZZZ' },
    cxml: { domain: 'NetworkID', identity: id },
    userAgent: 'Tradelane',
  };
  return {
    outboxIntervalMs: env.EDI_OUTBOX_INTERVAL_MS ?? 2000,
    pushRetryBaseMs: env.EDI_PUSH_RETRY_BASE_MS ?? 5000,
    maxDocumentBytes: env.EDI_MAX_DOCUMENT_BYTES ?? 1024 * 1024,
    ours,
  };
});

export type EdiConfig = ReturnType<typeof ediConfig>;
