import { newApiKey, parseApiKey, sameHash } from './api-key';

describe('API keys', () => {
  it('parses a key it made back to the id and the hash it stores', () => {
    const key = newApiKey();
    const parsed = parseApiKey(key.apiKey);
    expect(parsed).toEqual({ id: key.id, secretSha256: key.secretSha256 });
    expect(key.apiKey).not.toContain(key.secretSha256);
  });

  it('refuses anything that is not a key and tells a changed secret from the right one', () => {
    expect(parseApiKey('tl_nothex_abc')).toBeUndefined();
    expect(parseApiKey('')).toBeUndefined();
    const key = newApiKey();
    const forged = parseApiKey(key.apiKey.slice(0, -1) + (key.apiKey.endsWith('A') ? 'B' : 'A'))!;
    expect(forged.id).toBe(key.id);
    expect(sameHash(forged.secretSha256, key.secretSha256)).toBe(false);
    expect(sameHash(key.secretSha256, key.secretSha256)).toBe(true);
  });
});
