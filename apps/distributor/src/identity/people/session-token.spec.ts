import { parseApiKey } from '../api-key';
import { sameHash } from '../secret-token';
import { sessionTokens } from './session-token';

describe('session tokens', () => {
  it('read tls_<16 hex id>_<256-bit secret> and parse back to the id and the hash that is stored', () => {
    const made = sessionTokens.make();
    expect(made.token).toMatch(/^tls_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(sessionTokens.parse(made.token)).toEqual({ id: made.id, secretSha256: made.secretSha256 });
    expect(made.token).not.toContain(made.secretSha256);
  });

  it('are not API keys, nor the other way round, and a changed secret hashes differently', () => {
    const made = sessionTokens.make();
    expect(parseApiKey(made.token)).toBeUndefined();
    expect(sessionTokens.parse(made.token.replace(/^tls_/, 'tl_'))).toBeUndefined();
    const changed = sessionTokens.parse(made.token.slice(0, -1) + (made.token.endsWith('A') ? 'B' : 'A'))!;
    expect(changed.id).toBe(made.id);
    expect(sameHash(changed.secretSha256, made.secretSha256)).toBe(false);
  });
});
