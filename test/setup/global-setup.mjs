// One real Temporal dev server (in memory) and one real PostgreSQL for the whole test run.
// TEMPORAL_ADDRESS / TEST_DATABASE_URL point the tests at running ones instead.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provideIdentity } from '../../infra/identity/credentials.mjs';
import { startEmbeddedPostgres } from '../../infra/postgres/embedded.mjs';
import { freePort } from '../../infra/scripts/free-port.mjs';
import { provideTemporalServer } from '../../infra/temporal/provide-server.mjs';
import { timeSkippingServerLauncher } from '../../infra/temporal/java-test-server.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalSetup() {
  const stops = [];
  globalThis.__tradelaneStops = stops;
  const scratch = mkdtempSync(join(tmpdir(), 'tradelane-test-'));
  chmodSync(scratch, 0o755); // embedded PostgreSQL runs as another user when the tests run as root
  process.env.TRADELANE_TEST_SCRATCH = scratch;
  // A fresh secret per run: the gateway signs transfer notices with it, the distributor verifies.
  process.env.TRANSFER_NOTICE_SECRET ??= randomBytes(32).toString('hex');
  // A fresh signing key and bootstrap API keys per run, as `npm start` makes them under .data/.
  const identity = provideIdentity(join(scratch, 'identity'));
  Object.assign(process.env, identity.env, identity.issuerEnv, identity.gatewayEnv);
  process.env.IDENTITY_TOKEN_TTL_SECONDS ??= '3600';
  // Polling tests make many requests a minute; the limiter has tests of its own.
  process.env.RATE_LIMIT_PER_MINUTE ??= '1000000';
  process.env.RATE_LIMIT_TOKEN_PER_MINUTE ??= '1000000';

  const started = Date.now();
  if (!process.env.TEMPORAL_ADDRESS) {
    const server = await provideTemporalServer({
      port: await freePort(),
      logFile: join(scratch, 'temporal.log'),
      log: (m) => console.log(`\n${m}`),
    });
    console.log(`\n[test setup] Temporal: ${server.route}`);
    stops.push(() => server.stop());
    process.env.TEMPORAL_ADDRESS = server.address;
  }
  // Deadline tests skip time on Temporal's time-skipping server, which each such test file starts.
  process.env.TEMPORAL_TIME_SKIPPING_SERVER ??= timeSkippingServerLauncher({ log: (m) => console.log(`\n${m}`) }) ?? '';
  if (!process.env.TEST_DATABASE_URL) {
    const pg = await startEmbeddedPostgres({ dataDir: join(scratch, 'postgres'), port: await freePort(), persistent: false });
    stops.push(() => pg.stop());
    process.env.TEST_DATABASE_URL = pg.adminUrl;
  }
  const { bundle } = require('../../infra/scripts/bundle-workflows.js');
  process.env.WORKFLOW_BUNDLE_PATH = await bundle(
    join(root, 'workflows/order/index.ts'),
    join(scratch, 'workflow-bundle.js'),
  );
  console.log(`\n[test setup] Temporal ${process.env.TEMPORAL_ADDRESS}, PostgreSQL ready, workflows bundled in ${Date.now() - started} ms`);
}
