import type { OrganisationRole } from '../api/types';

export type Section = 'procurement' | 'supplier' | 'carrier' | 'audit' | 'operations';

/** The one part of the console each organisation's role works in. */
export const SECTION_OF: Record<OrganisationRole, Section | null> = {
  buyer: 'procurement',
  supplier: 'supplier',
  carrier: 'carrier',
  auditor: 'audit',
  operator: 'operations',
  'payment-gateway': null,
};

export const NAVIGATION: Record<Section, { to: string; label: string }[]> = {
  procurement: [
    { to: '/procurement/orders', label: 'Orders' },
    { to: '/procurement/orders/new', label: 'New order' },
  ],
  supplier: [
    { to: '/supplier/inquiries', label: 'Stock inquiries' },
    { to: '/supplier/reservations', label: 'Reservations' },
    { to: '/supplier/dispatch-notices', label: 'Dispatch notices' },
    { to: '/supplier/stock', label: 'Stock' },
    { to: '/supplier/settings', label: 'Settings' },
  ],
  carrier: [
    { to: '/carrier/inquiries', label: 'Shipping inquiries' },
    { to: '/carrier/transport-notices', label: 'Transport notices' },
    { to: '/carrier/rate-cards', label: 'Rate cards' },
    { to: '/carrier/settings', label: 'Settings' },
  ],
  audit: [
    { to: '/audit/orders', label: 'Find an order' },
    { to: '/audit/replays', label: 'Replay a window' },
  ],
  operations: [
    { to: '/operations/compensations', label: 'Stuck compensations' },
    { to: '/operations/party-terms', label: 'Party terms' },
    { to: '/operations/organisations', label: 'Organisations' },
  ],
};

export function homeOf(role: OrganisationRole): string {
  const section = SECTION_OF[role];
  return section ? (NAVIGATION[section][0]?.to ?? '/') : '/';
}

/** Whether a path belongs to the signed-in organisation's part of the console. */
export function mayVisit(role: OrganisationRole, pathname: string): boolean {
  const section = SECTION_OF[role];
  const first = pathname.split('/')[1] ?? '';
  return section !== null && first === section;
}
