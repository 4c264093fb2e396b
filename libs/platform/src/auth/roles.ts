/** What an organisation is on the platform; a token carries exactly one. */
export type OrganisationRole = 'buyer' | 'supplier' | 'carrier' | 'payment-gateway' | 'auditor' | 'operator';

export const ORGANISATION_ROLES: OrganisationRole[] = ['buyer', 'supplier', 'carrier', 'payment-gateway', 'auditor', 'operator'];

/** What a person may do inside their organisation; a machine's API key acts as its organisation's admin. */
export type PersonRole = 'admin' | 'member';

export const PERSON_ROLES: PersonRole[] = ['admin', 'member'];

/** Who is calling, as proven by their token. */
export interface Caller {
  organisationId: string;
  role: OrganisationRole;
  /** the API key or sign-in session the token was issued for, so a log line can name it */
  credentialId: string;
  /**
   * Who acts, as the order log and the timeline record it: the signed-in person's e-mail, or
   * `api-key:<label>` for a machine. Never taken from a request body.
   */
  actor: string;
  /** the signed-in person; absent for an API key */
  personId?: string;
  personRole: PersonRole;
}

/** Auditors and operators read every party's objects; everyone else only their own. */
export function readsEverything(caller: Caller): boolean {
  return caller.role === 'auditor' || caller.role === 'operator';
}

/**
 * The organisation a caller's reads are narrowed to: undefined for auditors and operators,
 * the caller's own id for a party.
 */
export function ownScope(caller: Caller): string | undefined {
  return readsEverything(caller) ? undefined : caller.organisationId;
}
