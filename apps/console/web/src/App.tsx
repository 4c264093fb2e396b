import { Navigate, Route, Routes, useLocation } from 'react-router';
import { signInPath } from './api/http';
import { SignInPage } from './session/SignInPage';
import { useSession } from './session/use-session';
import { Layout } from './shared/Layout';
import { homeOf } from './shared/roles';
import { lazySection } from './shared/lazy-section';
import { ErrorMessage } from './shared/ui';

// One chunk per role: a person downloads only their own pages.
const SECTIONS = {
  procurement: lazySection(() => import('./procurement/routes')),
  supplier: lazySection(() => import('./supplier/routes')),
  carrier: lazySection(() => import('./carrier/routes')),
  audit: lazySection(() => import('./audit/routes')),
  operations: lazySection(() => import('./operations/routes')),
};
const { procurement: Procurement, supplier: Supplier, carrier: Carrier, audit: Audit, operations: Operations } = SECTIONS;

// The page opened is fetched beside the session check, not after it.
SECTIONS[window.location.pathname.split('/')[1] as keyof typeof SECTIONS]?.preload();

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
  );
}
