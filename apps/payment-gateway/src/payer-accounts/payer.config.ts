import { registerAs } from '@nestjs/config';

/** A buyer the gateway has no account for may pay up to this much (per currency): 1,000,000.00 by default. */
export const payerConfig = registerAs('payers', () => ({
  defaultCreditLimitMinor: Number(process.env.PAYER_DEFAULT_CREDIT_LIMIT_MINOR ?? 100_000_000),
}));

export type PayerConfig = ReturnType<typeof payerConfig>;
