import { issuerProblem, isLoopback } from './issuer-url';

describe('issuer URLs', () => {
  it('take https anywhere and plain http only on loopback addresses', () => {
    expect(issuerProblem('https://login.example.com/realms/acme')).toBeUndefined();
    expect(issuerProblem('http://127.0.0.1:4000')).toBeUndefined();
    expect(issuerProblem('http://localhost:4000/oidc')).toBeUndefined();
    expect(issuerProblem('http://[::1]:4000')).toBeUndefined();
    expect(issuerProblem('http://login.example.com')).toMatch(/https/);
    expect(issuerProblem('http://127.0.0.1.example.com')).toMatch(/https/);
    expect(issuerProblem('ftp://127.0.0.1')).toMatch(/https/);
    expect(issuerProblem('login.example.com')).toMatch(/absolute/);
    expect(issuerProblem('https://login.example.com/?tenant=1')).toMatch(/query/);
  });

  it('knows a loopback address from a name that only looks like one', () => {
    expect(isLoopback(new URL('http://127.12.0.1'))).toBe(true);
    expect(isLoopback(new URL('http://localhost.evil.example'))).toBe(false);
    expect(isLoopback(new URL('http://10.0.0.1'))).toBe(false);
  });
});
