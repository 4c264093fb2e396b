import { registerAs } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { WholeNumber, readEnvironment } from './read-environment';

export class HttpEnvironment {
  /** unset: the service's own port (3001 … 3005); 0 takes a free one */
  @IsOptional()
  @WholeNumber(0, 65535)
  PORT?: number;

  @IsOptional()
  @Matches(/^\S+$/, { message: 'must be the host name or address to listen on' })
  HOST?: string;

  /**
   * Which proxies' X-Forwarded-For to believe for the caller's address (Express's `trust proxy`:
   * `loopback`, addresses or subnets); unset: none, so per-address limits see the connection.
   */
  @IsOptional()
  @Matches(/^[\w.:/,\s-]+$/, { message: 'must be loopback, or addresses / subnets separated by commas' })
  TRUST_PROXY?: string;
}

/** Where a service's HTTP API listens; `main.ts` gives its own port as the default. */
export const httpConfig = registerAs('http', () => {
  const env = readEnvironment(HttpEnvironment);
  return { port: env.PORT, host: env.HOST ?? '127.0.0.1', trustProxy: env.TRUST_PROXY };
});

export type HttpConfig = ReturnType<typeof httpConfig>;
