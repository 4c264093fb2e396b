import { readFileSync } from 'node:fs';
import { AccessTokenIssuer, type OrganisationRole, type PersonRole } from '@tradelane/platform';

let roles: Map<string, OrganisationRole> | undefined;

/** The bootstrap organisations' roles, from the file the test setup wrote for the distributor. */
function bootstrapRole(organisationId: string): OrganisationRole | undefined {
  roles ??= new Map(
    (JSON.parse(readFileSync(process.env.IDENTITY_BOOTSTRAP_FILE as string, 'utf8')).organisations as { id: string; role: OrganisationRole }[]).map(
      (o) => [o.id, o.role],
    ),
  );
  return roles.get(organisationId);
}

let issuer: AccessTokenIssuer | undefined;

/**
 * A token as the distributor would issue it, signed with this run's key. Tests that are about
 * the exchange itself go through POST /auth/token; the rest take this shortcut.
 */
export function tokenFor(organisationId: string, role: OrganisationRole = bootstrapRole(organisationId) ?? 'buyer', person?: TestPerson): string {
  issuer ??= AccessTokenIssuer.fromPem(readFileSync(process.env.IDENTITY_SIGNING_KEY_FILE as string, 'utf8'), 3600);
  const acting = person
    ? { actor: person.email, personId: person.id ?? person.email, personRole: person.role ?? 'member' }
    : { actor: 'api-key:test', personRole: 'admin' as const };
  return issuer.issue({ organisationId, role, credentialId: 'test', ...acting }).token;
}

/** A person a test token speaks for, as a sign-in would name them. */
export interface TestPerson {
  email: string;
  id?: string;
  role?: PersonRole;
}

export function bearer(organisationId: string, role?: OrganisationRole, person?: TestPerson): string {
  return `Bearer ${tokenFor(organisationId, role, person)}`;
}
