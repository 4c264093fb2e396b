import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut } from '../api/session';
import { useSignedIn } from '../session/use-session';
import { mayVisit, NAVIGATION, SECTION_OF } from './roles';
import { NotForYou } from './NotForYou';

export function Layout() {
  const session = useSignedIn();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const section = SECTION_OF[session.organisation.role];
  const links = section ? NAVIGATION[section] : [];
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <p className="brand">Tradelane</p>
        <p className="who">
          {session.person.name} · {session.organisation.name} ({session.organisation.role})
        </p>
        <button
          type="button"
          onClick={async () => {
            await signOut();
            queryClient.clear();
            void navigate('/sign-in', { replace: true });
          }}
        >
          Sign out
        </button>
      </header>
      {links.length > 0 ? (
        <nav aria-label="Main">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main">{mayVisit(session.organisation.role, location.pathname) ? <Outlet /> : <NotForYou />}</main>
    </>
  );
}
