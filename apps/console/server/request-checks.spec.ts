import type { Request } from 'express';
import { csrfProblem, safeReturnPath, signInProblem } from './request-checks';
import { csrfTokenOf } from './session-cookies';

const request = (headers: Record<string, string>, method = 'POST') =>
  ({ method, headers, is: (type: string) => (headers['content-type'] ?? '').startsWith(type) }) as unknown as Request;

describe("the console server's request checks", () => {
  const origin = 'http://127.0.0.1:3000';
  const session = 'tls_0123456789abcdef_secret';

  it('lets a changing request through only with the session CSRF token and from our origin', () => {
    expect(csrfProblem(request({ 'x-csrf-token': csrfTokenOf(session), origin }), session, origin)).toBeUndefined();
    expect(csrfProblem(request({ 'x-csrf-token': csrfTokenOf(session) }), session, origin)).toBeUndefined();
    expect(csrfProblem(request({}), session, origin)).toMatch(/X-CSRF-Token/);
    expect(csrfProblem(request({ 'x-csrf-token': csrfTokenOf('tls_other_session') }), session, origin)).toMatch(/X-CSRF-Token/);
    expect(csrfProblem(request({ 'x-csrf-token': csrfTokenOf(session), origin: 'https://evil.example' }), session, origin)).toMatch(/evil/);
  });

  it('takes a sign-in only as JSON from our origin, which a form on another site cannot send', () => {
    expect(signInProblem(request({ 'content-type': 'application/json', origin }), origin)).toBeUndefined();
    expect(signInProblem(request({ 'content-type': 'application/x-www-form-urlencoded', origin }), origin)).toMatch(/application\/json/);
    expect(signInProblem(request({ 'content-type': 'application/json', origin: 'https://evil.example' }), origin)).toMatch(/evil/);
  });

  it('returns after an OIDC sign-in only to a path of the console', () => {
    expect(safeReturnPath('/procurement/orders?status=open')).toBe('/procurement/orders?status=open');
    for (const elsewhere of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', 42, undefined]) {
      expect(safeReturnPath(elsewhere)).toBe('/');
    }
  });

  it('derives a different CSRF token for each session', () => {
    expect(csrfTokenOf('a')).not.toBe(csrfTokenOf('b'));
    expect(csrfTokenOf('a')).toBe(csrfTokenOf('a'));
  });
});
