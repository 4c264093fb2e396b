/**
 * An issuer must speak https, except on this machine: a provider on a loopback address (a test's,
 * a developer's) may use plain http, which openid-client then needs allowInsecureRequests for.
 */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** What is wrong with an issuer URL, or undefined if it may be used. */
export function issuerProblem(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.search || url.hash) return 'must have no query or fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url)) return undefined;
  return 'must use https (plain http only on a loopback address)';
}
