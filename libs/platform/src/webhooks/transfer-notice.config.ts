import { registerAs } from '@nestjs/config';
import { IsOptional, IsString, IsUrl, MinLength } from 'class-validator';
import { WholeNumber, readEnvironment } from '../config/read-environment';

const SECRET = 'must be set, at least 32 characters (shared by the gateway and the distributor)';
const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

export class TransferNoticeEnvironment {
  @IsString({ message: SECRET })
  @MinLength(32, { message: SECRET })
  TRANSFER_NOTICE_SECRET: string;

  /** How far a notice's signed timestamp may be from the distributor's clock. */
  @IsOptional()
  @WholeNumber(1, 3600)
  TRANSFER_NOTICE_TOLERANCE_SECONDS?: number;

  /** The distributor's webhook, where the gateway delivers transfer notices. */
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL of the distributor\'s transfer notice webhook' })
  TRANSFER_NOTICE_URL?: string;

  @IsOptional()
  @IsString()
  TRANSFER_NOTICE_API_KEY?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL of the distributor\'s POST /auth/token' })
  IDENTITY_TOKEN_URL?: string;
}

/**
 * The transfer notice webhook (step 8): the gateway signs, the distributor verifies, with one
 * shared secret. Loaded only by those two services, so the others start without it.
 */
export const transferNoticeConfig = registerAs('transferNotice', () => {
  const env = readEnvironment(TransferNoticeEnvironment);
  return {
    secret: env.TRANSFER_NOTICE_SECRET,
    toleranceSeconds: env.TRANSFER_NOTICE_TOLERANCE_SECONDS ?? 300,
    /** Where the gateway delivers transfer notices; only the gateway needs it. */
    url: env.TRANSFER_NOTICE_URL,
    /** The gateway's own API key and where to trade it for a token; only the gateway needs them. */
    apiKey: env.TRANSFER_NOTICE_API_KEY,
    tokenUrl: env.IDENTITY_TOKEN_URL,
  };
});

export type TransferNoticeConfig = ReturnType<typeof transferNoticeConfig>;
