import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  for (const stop of (globalThis.__tradelaneStops ?? []).reverse()) {
    await stop();
  }
  if (process.env.TRADELANE_TEST_SCRATCH) {
    rmSync(process.env.TRADELANE_TEST_SCRATCH, { recursive: true, force: true });
  }
}
