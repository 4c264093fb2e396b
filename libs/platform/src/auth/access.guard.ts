import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemException } from '../http/problem';
import { InvalidToken, type AccessTokenVerifier } from './access-token';
import { CALLER, PUBLIC_KEY, RATE_LIMIT_KEY, ROLES_KEY } from './decorators';
import type { RateLimiter } from './rate-limiter';
import type { Caller, OrganisationRole } from './roles';

/**
 * Every route is closed unless it says otherwise: @Public routes need no token, every other
 * route needs a valid token whose role its @Roles lists. A route that lists no roles admits
 * nobody, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly perOrganisation: RateLimiter,
    private readonly perClientAddress: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { [CALLER]?: Caller }>();
    const response = http.getResponse<Response>();
    if (this.reflector.getAllAndOverride<string>(RATE_LIMIT_KEY, targets) === 'client-address') {
      await this.limit(this.perClientAddress, `address:${request.ip ?? 'unknown'}`, response);
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const caller = this.authenticate(request, response);
    await this.limit(this.perOrganisation, `organisation:${caller.organisationId}`, response);
    const roles = this.reflector.getAllAndOverride<OrganisationRole[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(caller.role)) {
      throw new ProblemException(403, 'forbidden', 'Forbidden', `the ${caller.role} role may not use ${request.method} ${request.route?.path ?? request.path}`);
    }
    request[CALLER] = caller;
    return true;
  }

  private authenticate(request: Request, response: Response): Caller {
    const header = request.headers.authorization;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="tradelane"');
      throw new ProblemException(401, 'unauthenticated', 'Unauthorized', 'send an access token as "Authorization: Bearer <token>"; get one at POST /auth/token on the distributor');
    }
    try {
      return this.verifier.verify(match[1]);
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      response.setHeader('WWW-Authenticate', 'Bearer realm="tradelane", error="invalid_token"');
      throw new ProblemException(401, 'unauthenticated', 'Unauthorized', `the access token was refused: ${error.message}`);
    }
  }

  private async limit(limiter: RateLimiter, key: string, response: Response): Promise<void> {
    const retryAfter = await limiter.take(key);
    if (retryAfter === undefined) return;
    response.setHeader('Retry-After', String(retryAfter));
    throw new ProblemException(429, 'rate-limited', 'Too many requests', `more than ${limiter.perMinute} requests a minute; retry after ${retryAfter} s`);
  }
}
