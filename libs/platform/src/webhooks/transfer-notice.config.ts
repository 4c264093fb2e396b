import { registerAs } from '@nestjs/config';

/**
 * The transfer notice webhook (step 8): the gateway signs, the distributor verifies, with one
 * shared secret. Loaded only by those two services, so the others start without it.
 */
export const transferNoticeConfig = registerAs('transferNotice', () => {
  const secret = process.env.TRANSFER_NOTICE_SECRET;
  if (!secret) throw new Error('Invalid environment:\n  TRANSFER_NOTICE_SECRET: must be set (at least 32 characters, shared by the gateway and the distributor)');
  return {
    secret,
    toleranceSeconds: Number(process.env.TRANSFER_NOTICE_TOLERANCE_SECONDS ?? 300),
    /** Where the gateway delivers transfer notices; only the gateway needs it. */
    url: process.env.TRANSFER_NOTICE_URL || undefined,
    /** The gateway's own API key and where to trade it for a token; only the gateway needs them. */
    apiKey: process.env.TRANSFER_NOTICE_API_KEY || undefined,
    tokenUrl: process.env.IDENTITY_TOKEN_URL || undefined,
  };
});

export type TransferNoticeConfig = ReturnType<typeof transferNoticeConfig>;
