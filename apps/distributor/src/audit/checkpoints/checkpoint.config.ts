import { registerAs } from '@nestjs/config';
import { IsOptional } from 'class-validator';
import { WholeNumber, readEnvironment } from '@tradelane/platform';

export class CheckpointEnvironment {
  /**
   * How often the distributor signs a checkpoint over the order-log heads that changed since the
   * last one; 0 writes none by itself (tests write them when they want).
   */
  @IsOptional()
  @WholeNumber(0, 86_400)
  AUDIT_CHECKPOINT_INTERVAL_SECONDS?: number;
}

export const checkpointConfig = registerAs('auditCheckpoints', () => {
  const env = readEnvironment(CheckpointEnvironment);
  return { intervalMs: (env.AUDIT_CHECKPOINT_INTERVAL_SECONDS ?? 60) * 1000 };
});

export type CheckpointConfig = ReturnType<typeof checkpointConfig>;
