import { ProblemException } from '../http/problem';
import { mustAdminister } from './administration';
import type { Caller } from './roles';

describe('who may manage an organisation', () => {
  const caller = (organisationId: string, role: Caller['role'], personRole: Caller['personRole']): Caller => ({
    organisationId,
    role,
    credentialId: 'c',
    actor: 'someone@example.com',
    personRole,
  });
  const status = (c: Caller, reading = false) => {
    try {
      mustAdminister(c, 'acme-steel', { reading });
      return 'allowed';
    } catch (error) {
      return (error as ProblemException).getStatus();
    }
  };

  it('lets the operator and the organisation’s own admins in, and tells members and strangers apart', () => {
    expect(status(caller('tradelane-ops', 'operator', 'member'))).toBe('allowed');
    expect(status(caller('acme-steel', 'supplier', 'admin'))).toBe('allowed');
    expect(status(caller('acme-steel', 'supplier', 'member'))).toBe(403);
    expect(status(caller('nordic-parts', 'supplier', 'admin'))).toBe(404);
    expect(status(caller('muster-maschinenbau', 'buyer', 'admin'), true)).toBe(404);
  });

  it('lets auditors read but not change', () => {
    expect(status(caller('tradelane-audit', 'auditor', 'admin'), true)).toBe('allowed');
    expect(status(caller('tradelane-audit', 'auditor', 'admin'))).toBe(403);
  });
});
