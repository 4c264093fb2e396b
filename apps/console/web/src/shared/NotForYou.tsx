import { Link } from 'react-router';
import { useSignedIn } from '../session/use-session';
import { homeOf, SECTION_OF } from './roles';
import { Page } from './ui';

/** Another role's page: said plainly, and nothing of it is fetched. */
export function NotForYou() {
  const session = useSignedIn();
  const hasHome = SECTION_OF[session.organisation.role] !== null;
  return (
    <Page title="Not for your organisation">
      <p>
        This part of the console is not for {session.organisation.name} ({session.organisation.role}).
      </p>
      {hasHome ? <Link to={homeOf(session.organisation.role)}>Go to your start page</Link> : <p>The console has no pages for this role.</p>}
    </Page>
  );
}
