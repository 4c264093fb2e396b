import { IsIn, IsOptional, IsString, IsUrl } from 'class-validator';
import { WholeNumber, readEnvironment } from '@tradelane/platform';

const urlRule = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export const API_SERVICES = ['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway'] as const;
export type ApiService = (typeof API_SERVICES)[number];

export class ConsoleEnvironment {
  @IsOptional()
  @WholeNumber(0, 65_535)
  CONSOLE_PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  /** where people reach the console; its scheme decides whether cookies are Secure, and OIDC redirects come back to it */
  @IsOptional()
  @IsUrl(urlRule, { message: 'must be the http(s) URL people open the console at' })
  CONSOLE_PUBLIC_URL?: string;

  /** the built console (index.html and its assets) */
  @IsString({ message: 'must name the folder of the built console (npm run build makes dist/console)' })
  CONSOLE_STATIC_DIR: string;

  @IsUrl(urlRule, { message: "must be the buyer service's base URL" })
  BUYER_URL: string;

  @IsUrl(urlRule, { message: "must be the distributor service's base URL" })
  DISTRIBUTOR_URL: string;

  @IsUrl(urlRule, { message: "must be the supplier service's base URL" })
  SUPPLIER_URL: string;

  @IsUrl(urlRule, { message: "must be the carrier service's base URL" })
  CARRIER_URL: string;

  @IsUrl(urlRule, { message: "must be the payment gateway service's base URL" })
  PAYMENT_GATEWAY_URL: string;

  /** how long a session's access token is reused before the session is checked again (revocation takes at most this long) */
  @IsOptional()
  @WholeNumber(0, 300)
  CONSOLE_SESSION_RECHECK_SECONDS?: number;

  @IsOptional()
  @IsIn(['Strict', 'Lax'])
  CONSOLE_COOKIE_SAME_SITE?: 'Strict' | 'Lax';
}

export interface ConsoleConfig {
  port: number;
  host: string;
  publicUrl: string;
  staticDir: string;
  services: Record<ApiService, string>;
  recheckSeconds: number;
  sameSite: 'Strict' | 'Lax';
}

export function consoleConfig(raw: Record<string, unknown> = process.env): ConsoleConfig {
  const env = readEnvironment(ConsoleEnvironment, raw);
  const port = env.CONSOLE_PORT ?? 3000;
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    publicUrl: (env.CONSOLE_PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    staticDir: env.CONSOLE_STATIC_DIR,
    services: {
      buyer: env.BUYER_URL,
      distributor: env.DISTRIBUTOR_URL,
      supplier: env.SUPPLIER_URL,
      carrier: env.CARRIER_URL,
      'payment-gateway': env.PAYMENT_GATEWAY_URL,
    },
    recheckSeconds: env.CONSOLE_SESSION_RECHECK_SECONDS ?? 10,
    // Lax, not Strict: the OIDC provider's redirect back to the console must carry the flow cookie.
    sameSite: env.CONSOLE_COOKIE_SAME_SITE ?? 'Lax',
  };
}
