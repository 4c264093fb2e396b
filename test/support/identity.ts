import { readFileSync } from 'node:fs';
import { AccessTokenIssuer, type OrganisationRole } from '@tradelane/platform';

/** The bootstrap organisations (infra/identity/credentials.mjs) and their roles. */
export const ORGANISATIONS = {
  operator: 'tradelane-ops',
  auditor: 'tradelane-audit',
  gateway: 'tradelane-pay',
  buyer: 'muster-maschinenbau',
  suppliers: ['acme-steel', 'nordic-parts'],
  carriers: ['baltic-lines', 'rhein-freight'],
} as const;

const KNOWN_ROLES: Record<string, OrganisationRole> = {
  'tradelane-ops': 'operator',
  'tradelane-audit': 'auditor',
  'tradelane-pay': 'payment-gateway',
  'acme-steel': 'supplier',
  'nordic-parts': 'supplier',
  'baltic-lines': 'carrier',
  'rhein-freight': 'carrier',
};

let issuer: AccessTokenIssuer | undefined;

/**
 * A token as the distributor would issue it, signed with this run's key. Tests that are about
 * the exchange itself go through POST /auth/token; the rest take this shortcut.
 */
export function tokenFor(organisationId: string, role: OrganisationRole = KNOWN_ROLES[organisationId] ?? 'buyer'): string {
  issuer ??= AccessTokenIssuer.fromPem(readFileSync(process.env.IDENTITY_SIGNING_KEY_FILE as string, 'utf8'), 3600);
  return issuer.issue({ organisationId, role, credentialId: 'test' }).token;
}

export function bearer(organisationId: string, role?: OrganisationRole): string {
  return `Bearer ${tokenFor(organisationId, role)}`;
}
