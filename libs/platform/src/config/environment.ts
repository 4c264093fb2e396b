import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

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
