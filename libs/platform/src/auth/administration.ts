import { notFound, ProblemException } from '../http/problem';
import type { Caller } from './roles';

/**
 * Who may manage an organisation's people: the operator, or an admin of that organisation (an
 * API key acts as its organisation's admin). A member of it gets a 403; anyone outside it a 404,
 * as if it did not exist (see ownership.ts), except auditors, who read everything and so may
 * read the list (`reading`) but change nothing.
 */
export function mustAdminister(caller: Caller, organisationId: string, { reading = false } = {}): void {
  if (caller.role === 'operator') return;
  if (caller.organisationId === organisationId) {
    if (caller.personRole === 'admin') return;
    throw new ProblemException(403, 'forbidden', 'Forbidden', `only an admin of ${organisationId} may manage its people`);
  }
  if (caller.role === 'auditor') {
    if (reading) return;
    throw new ProblemException(403, 'forbidden', 'Forbidden', 'auditors read people but change nothing');
  }
  throw notFound('organisation', organisationId);
}
