// Playwright drives Debian's Chromium here: it cannot download its own browsers on these machines.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

export const CHROMIUM_FLAGS = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function found(): string | undefined {
  return CANDIDATES.find((path) => existsSync(path));
}

/** The Chromium to drive: CHROMIUM_PATH, or Debian's package, installed with apt-get when we may. */
export function chromiumPath(log: (message: string) => void = console.log): string {
  const existing = found();
  if (existing) return existing;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    log('[console tests] installing Debian\'s chromium (apt-get update && apt-get install -y chromium)');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    'The console tests need Chromium and found none. Install it as root with `apt-get update && apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}
