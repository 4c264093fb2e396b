import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/problem';
import { lockedOutFor, oidcStartUrl, signIn } from '../api/session';
import { homeOf } from '../shared/roles';
import { Page } from '../shared/ui';
import { safeReturnTo } from './return-to';
import { SESSION_KEY, useSession } from './use-session';

export function SignInPage() {
  const [search] = useSearchParams();
  const returnTo = safeReturnTo(search.get('returnTo'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisation, setOrganisation] = useState('');
  const mutation = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: (signedIn) => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, signedIn);
      void navigate(returnTo === '/' ? homeOf(signedIn.organisation.role) : returnTo, { replace: true });
    },
  });
  if (session.data && !mutation.isPending) return <Navigate to={returnTo === '/' ? homeOf(session.data.organisation.role) : returnTo} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const locked = lockedOutFor(mutation.error);
  let failure: string | null = null;
  if (locked !== null) failure = `This account is locked after too many attempts. Try again in ${Math.ceil(locked / 60)} minute(s).`;
  else if (mutation.error instanceof ApiError && mutation.error.status === 401) failure = 'The e-mail or password is wrong.';
  else if (mutation.error) failure = 'Signing in did not work. Please try again.';

  return (
    <main id="main" className="sign-in">
      <Page title="Sign in to Tradelane">
        <form onSubmit={submit} aria-describedby={failure ? 'sign-in-error' : undefined}>
          <div className="field">
            <label htmlFor="email">E-mail</label>
            <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          {failure ? (
            <p id="sign-in-error" role="alert" className="error">
              {failure}
            </p>
          ) : null}
          <button type="submit" disabled={mutation.isPending}>
            Sign in
          </button>
          {mutation.isPending ? <p role="status">Signing in…</p> : null}
        </form>
        <form
          className="oidc"
          onSubmit={(event) => {
            event.preventDefault();
            window.location.assign(oidcStartUrl(organisation.trim(), returnTo));
          }}
        >
          <h2>Sign in with your organisation&apos;s provider</h2>
          <div className="field">
            <label htmlFor="organisation">Organisation id</label>
            <input id="organisation" required pattern="[a-z0-9][a-z0-9\-]*" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
          </div>
          <button type="submit">Sign in with your organisation&apos;s provider</button>
        </form>
      </Page>
    </main>
  );
}
