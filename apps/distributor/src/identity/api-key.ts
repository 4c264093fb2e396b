import { secretTokenFormat } from './secret-token';

export { sameHash } from './secret-token';

/** An API key reads `tl_<key id>_<secret>` (see secret-token.ts). */
const apiKeys = secretTokenFormat('tl');

export interface NewApiKey {
  id: string;
  apiKey: string;
  secretSha256: string;
}

export function newApiKey(): NewApiKey {
  const { id, token, secretSha256 } = apiKeys.make();
  return { id, apiKey: token, secretSha256 };
}

export function parseApiKey(apiKey: string): { id: string; secretSha256: string } | undefined {
  return apiKeys.parse(apiKey);
}
