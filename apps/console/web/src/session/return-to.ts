/** Where to go after signing in: only a path on this origin (never `//elsewhere` or a URL). */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/sign-in')) return '/';
  return value;
}
