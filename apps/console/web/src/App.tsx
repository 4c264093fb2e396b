import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { signInPath } from './api/http';
import { SignInPage } from './session/SignInPage';
import { useSession } from './session/use-session';
import { Layout } from './shared/Layout';
import { homeOf } from './shared/roles';
import { ErrorMessage } from './shared/ui';

// One chunk per role: a person downloads only their own pages.
const Procurement = lazy(() => import('./procurement/routes'));
const Supplier = lazy(() => import('./supplier/routes'));
const Carrier = lazy(() => import('./carrier/routes'));
const Audit = lazy(() => import('./audit/routes'));
const Operations = lazy(() => import('./operations/routes'));

function SignedIn() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <p aria-busy="true">Loading…</p>;
  if (session.error) return <ErrorMessage error={session.error} />;
  if (!session.data) return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  return <Layout />;
}

function Home() {
  const session = useSession();
  return session.data ? <Navigate to={homeOf(session.data.organisation.role)} replace /> : null;
}

export function App() {
  return (
    <Suspense fallback={<p aria-busy="true">Loading…</p>}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route element={<SignedIn />}>
          <Route index element={<Home />} />
          <Route path="procurement/*" element={<Procurement />} />
          <Route path="supplier/*" element={<Supplier />} />
          <Route path="carrier/*" element={<Carrier />} />
          <Route path="audit/*" element={<Audit />} />
          <Route path="operations/*" element={<Operations />} />
          <Route path="*" element={<Home />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
