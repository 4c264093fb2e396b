/**
 * Keys that must never reach a log line, wherever a caller puts them: credentials, the webhook
 * secret and its signatures, sessions. Request lines carry only method and path (see
 * http-logging.ts), so headers are named here only for code that logs them by hand.
 */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'sessionToken',
  'secret',
  'clientSecret',
  'apiKey',
  'privateKey',
  'signature',
];

export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["tradelane-signature"]',
  'res.headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["tradelane-signature"]',
];

const SECRET_QUERY = /token|secret|password|key|code|signature|session|state/i;

/** A request's path and query as a log line may show it: secret-looking query values hidden. */
export function loggableUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = new URLSearchParams(url.slice(mark + 1));
  for (const key of [...query.keys()]) if (SECRET_QUERY.test(key)) query.set(key, '[redacted]');
  return `${url.slice(0, mark)}?${query.toString()}`;
}
