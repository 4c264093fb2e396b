import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError, describeProblem } from '../api/problem';

/** Polls about every 2 s; TanStack Query pauses the interval while the tab is hidden. */
export const LIVE = { refetchInterval: 2000, refetchIntervalInBackground: false } as const;

export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Tradelane`;
    heading.current?.focus();
  }, [title]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}

/** A polite live region: status changes and progress are read out without moving focus. */
export function Announce({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p role="status" aria-live="polite" id={id} className="announce">
      {children}
    </p>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const text = error instanceof ApiError ? describeProblem(error.problem) : error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}

/** A query's loading and error states; a 403/404 is a page, not a crash. */
export function Loading<T>({ query, children }: { query: { data?: T; error: unknown; isPending: boolean }; children: (data: T) => ReactNode }) {
  if (query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404)) {
    return <NotFound status={query.error.status} />;
  }
  if (query.error && query.data === undefined) return <ErrorMessage error={query.error} />;
  if (query.isPending || query.data === undefined) return <p aria-busy="true">Loading…</p>;
  return <>{children(query.data)}</>;
}

export function NotFound({ status }: { status: number }) {
  return (
    <div className="not-found">
      <h2>{status === 403 ? 'Not for your organisation' : 'Not found'}</h2>
      <p>{status === 403 ? 'Your organisation may not see this.' : 'There is nothing here, or your organisation may not see it.'}</p>
    </div>
  );
}

export function Field({ label, id, error, children }: { label: string; id: string; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
