import { hashPassword, passwordMatches } from './password';

describe('passwords', () => {
  it('are hashed with Argon2id at OWASP parameters and checked against the hash', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwordMatches(stored, 'correct horse battery')).toBe(true);
    expect(await passwordMatches(stored, 'correct horse batterY')).toBe(false);
  });

  it('says no for a missing hash, after doing the same work', async () => {
    expect(await passwordMatches(null, 'anything at all')).toBe(false);
    expect(await passwordMatches(undefined, '')).toBe(false);
  });
});
