import { registerAs } from '@nestjs/config';
import { IsOptional } from 'class-validator';
import { WholeNumber, readEnvironment } from '@tradelane/platform';

export class ConfirmationWaitEnvironment {
  /**
   * How often a request waiting for a confirmation (Prefer: wait) looks in the database by
   * itself; the replica that stores one wakes every replica's waiters through NOTIFY, so this is
   * only the safety net for a notification that never came.
   */
  @IsOptional()
  @WholeNumber(1, 3600)
  CONFIRMATION_WAIT_RECHECK_SECONDS?: number;
}

export const confirmationWaitConfig = registerAs('confirmationWait', () => {
  const env = readEnvironment(ConfirmationWaitEnvironment);
  return { recheckMs: (env.CONFIRMATION_WAIT_RECHECK_SECONDS ?? 10) * 1000 };
});
