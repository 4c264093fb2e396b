import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Caller, OrganisationRole } from './roles';

export const ROLES_KEY = 'tradelane:roles';
export const PUBLIC_KEY = 'tradelane:public';
export const RATE_LIMIT_KEY = 'tradelane:rate-limit';

/** The roles that may call this route; every other authenticated caller gets a 403. */
export const Roles = (...roles: OrganisationRole[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a token (health, token exchange). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Rate-limit this route per client address with the token endpoint's stricter limit. */
export const LimitPerClientAddress = () => SetMetadata(RATE_LIMIT_KEY, 'client-address');

export const CALLER = Symbol('tradelane:caller');

/** The caller the access guard proved; only on routes that are not @Public. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = (context.switchToHttp().getRequest() as { [CALLER]?: Caller })[CALLER];
  if (!caller) throw new Error('CurrentCaller used on a route without an authenticated caller');
  return caller;
});
