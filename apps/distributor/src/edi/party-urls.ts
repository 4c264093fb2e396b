/**
 * Where the supplier's and the carrier's own HTTP APIs are, for documents the distributor passes
 * on for a partner. Read at each call: EDI_SUPPLIER_URL / EDI_CARRIER_URL, else the port the
 * stack gives that service on HOST (3003, 3004 by default).
 */
export function partyUrl(party: 'supplier' | 'carrier'): string {
  const given = process.env[party === 'supplier' ? 'EDI_SUPPLIER_URL' : 'EDI_CARRIER_URL'];
  if (given) return given.replace(/\/$/, '');
  const port = process.env[party === 'supplier' ? 'SUPPLIER_PORT' : 'CARRIER_PORT'] ?? (party === 'supplier' ? '3003' : '3004');
  return `http://${process.env.HOST ?? '127.0.0.1'}:${port}`;
}
