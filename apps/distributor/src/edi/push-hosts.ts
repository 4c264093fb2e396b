/**
 * The hosts outbound documents may be pushed to: EDI_PUSH_HOSTS (host names or addresses,
 * comma-separated), else this machine only. An operator's profile names the URL, but the
 * distributor does not POST to just any host it is told (SSRF), and a test or fuzz run that sets
 * random URLs reaches nothing outside.
 */
export function pushHosts(): string[] {
  const given = process.env.EDI_PUSH_HOSTS;
  const hosts = given ? given.split(',') : ['127.0.0.1', 'localhost', '::1'];
  return hosts.map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter((h) => h.length > 0);
}

export function pushAllowed(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return pushHosts().includes(host);
  } catch {
    return false;
  }
}
