import { createServer } from 'node:net';

const handedOut = new Set();

/** Whether something may listen on the port now. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below Linux's ephemeral range (32768 and up), never the same twice in one process.
 * Ports are chosen before the stack starts, and the Temporal dev server binds ports of its own
 * from the ephemeral range as it comes up: a port taken from there could be gone by the time its
 * service listens (seen as EADDRINUSE in a CI run).
 */
export async function freePort() {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!handedOut.has(port) && (await isPortFree(port))) {
      handedOut.add(port);
      return port;
    }
  }
}
