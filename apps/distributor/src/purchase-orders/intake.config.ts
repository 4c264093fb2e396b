import { registerAs } from '@nestjs/config';
import { IsOptional } from 'class-validator';
import { readEnvironment, WholeNumber } from '@tradelane/platform';
import type { IntakeLimits } from './intake-admission';

/**
 * The distributor's pool has 10 connections (libs/platform's data-source options), shared by its
 * HTTP routes and its worker's activities; the defaults keep both intakes together well below it.
 */
export class IntakeEnvironment {
  /** purchase orders one distributor process takes in at once (POST /purchase-orders and /purchase-orders/csv) */
  @IsOptional()
  @WholeNumber(1, 10_000)
  INTAKE_MAX_IN_FLIGHT?: number;

  /** submissions that may wait for a place; more are refused at once with 429 */
  @IsOptional()
  @WholeNumber(0, 100_000)
  INTAKE_MAX_WAITING?: number;

  /** how long a submission waits for a place before its 429 */
  @IsOptional()
  @WholeNumber(0, 60_000)
  INTAKE_MAX_WAIT_MS?: number;

  /** the Retry-After of a 429 from either intake */
  @IsOptional()
  @WholeNumber(1, 3600)
  INTAKE_RETRY_AFTER_SECONDS?: number;

  /** transfer notices (POST /transfer-notices) applied at once: each holds a connection while its order takes the update */
  @IsOptional()
  @WholeNumber(1, 10_000)
  TRANSFER_NOTICE_MAX_IN_FLIGHT?: number;

  @IsOptional()
  @WholeNumber(0, 100_000)
  TRANSFER_NOTICE_MAX_WAITING?: number;

  @IsOptional()
  @WholeNumber(0, 60_000)
  TRANSFER_NOTICE_MAX_WAIT_MS?: number;
}

export const intakeConfig = registerAs('intake', (): IntakeLimits => {
  const env = readEnvironment(IntakeEnvironment);
  return {
    what: 'purchase orders',
    maxInFlight: env.INTAKE_MAX_IN_FLIGHT ?? 4,
    maxWaiting: env.INTAKE_MAX_WAITING ?? 128,
    maxWaitMs: env.INTAKE_MAX_WAIT_MS ?? 5000,
    retryAfterSeconds: env.INTAKE_RETRY_AFTER_SECONDS ?? 1,
  };
});

export const transferNoticeIntakeConfig = registerAs('transferNoticeIntake', (): IntakeLimits => {
  const env = readEnvironment(IntakeEnvironment);
  return {
    what: 'transfer notices',
    maxInFlight: env.TRANSFER_NOTICE_MAX_IN_FLIGHT ?? 3,
    maxWaiting: env.TRANSFER_NOTICE_MAX_WAITING ?? 256,
    maxWaitMs: env.TRANSFER_NOTICE_MAX_WAIT_MS ?? 5000,
    retryAfterSeconds: env.INTAKE_RETRY_AFTER_SECONDS ?? 1,
  };
});
