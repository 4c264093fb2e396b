import { notFound } from '../http/problem';
import { ownScope, type Caller } from './roles';

/**
 * Another organisation's object is answered exactly like one that does not exist (404), so
 * a caller cannot learn which ids are in use (OWASP API1).
 */
export function mustSee(caller: Caller, ownerId: string, what: string, id: string): void {
  const own = ownScope(caller);
  if (own !== undefined && own !== ownerId) throw notFound(what, id);
}
