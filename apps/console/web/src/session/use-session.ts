import { useQuery } from '@tanstack/react-query';
import { currentSession } from '../api/session';
import type { Session } from '../api/types';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: currentSession, staleTime: 60_000 });
}

/** Inside the signed-in layout the session is known. */
export function useSignedIn(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useSignedIn outside the signed-in layout');
  return data;
}
