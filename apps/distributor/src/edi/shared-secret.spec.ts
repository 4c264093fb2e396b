import { openSecret, sealSecret } from './shared-secret';

describe('sealed cXML shared secrets', () => {
  const key = process.env.EDI_SECRET_KEY;
  beforeAll(() => {
    process.env.EDI_SECRET_KEY = 'ab'.repeat(32);
  });
  afterAll(() => {
    if (key === undefined) delete process.env.EDI_SECRET_KEY;
    else process.env.EDI_SECRET_KEY = key;
  });

  it('opens what it sealed, and never holds the secret in clear', () => {
    const sealed = sealSecret('muster-demo-shared-secret');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('muster');
    expect(openSecret(sealed)).toBe('muster-demo-shared-secret');
  });

  it('seals the same secret differently each time', () => {
    expect(sealSecret('same secret here')).not.toBe(sealSecret('same secret here'));
  });

  it('refuses a sealed secret that was altered', () => {
    const sealed = sealSecret('muster-demo-shared-secret');
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => openSecret(`v1.${bytes.toString('base64url')}`)).toThrow();
  });
});
