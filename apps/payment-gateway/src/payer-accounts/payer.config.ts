import { registerAs } from '@nestjs/config';
import { IsOptional } from 'class-validator';
import { WholeNumber, readEnvironment } from '@tradelane/platform';

export class PayerEnvironment {
  /** What a buyer without a payer account may have paid and not had refunded, per currency. */
  @IsOptional()
  @WholeNumber(0)
  PAYER_DEFAULT_CREDIT_LIMIT_MINOR?: number;
}

/** A buyer the gateway has no account for may pay up to this much (per currency): 1,000,000.00 by default. */
export const payerConfig = registerAs('payers', () => ({
  defaultCreditLimitMinor: readEnvironment(PayerEnvironment).PAYER_DEFAULT_CREDIT_LIMIT_MINOR ?? 100_000_000,
}));

export type PayerConfig = ReturnType<typeof payerConfig>;
