import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Every variable a service reads, checked once at startup. */
export class EnvironmentVariables {
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL: string;

  @IsString()
  @MinLength(3)
  TEMPORAL_ADDRESS: string;

  @IsOptional()
  @IsString()
  TEMPORAL_NAMESPACE?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'TEMPORAL_TASK_QUEUE_PREFIX may hold letters, digits, dot, dash and underscore' })
  TEMPORAL_TASK_QUEUE_PREFIX?: string;

  @IsOptional()
  @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsIn(['true', 'false'])
  TEMPORAL_WORKERS_ENABLED?: string;

  @IsOptional()
  @Matches(/^\d+$/, { message: 'TEMPORAL_MAX_CACHED_WORKFLOWS must be a whole number (0 or more)' })
  TEMPORAL_MAX_CACHED_WORKFLOWS?: string;

  /** Shared by the gateway (signs transfer notices) and the distributor (verifies them). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'TRANSFER_NOTICE_SECRET must be at least 32 characters' })
  TRANSFER_NOTICE_SECRET?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  TRANSFER_NOTICE_TOLERANCE_SECONDS?: number;

  /** The distributor's webhook, where the gateway delivers transfer notices. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  TRANSFER_NOTICE_URL?: string;

  /** What a buyer may pay in total, per currency, when the gateway has no payer account for it. */
  @IsOptional()
  @IsInt()
  @Min(0)
  PAYER_DEFAULT_CREDIT_LIMIT_MINOR?: number;
}

export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return env;
}
