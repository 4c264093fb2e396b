// Provides a real Temporal server when none is configured, trying in turn:
// the temporal CLI's dev server (found, cached or built with Go), Temporal's Java test server
// (Maven Central), and last the SDK's own download of the CLI. TEMPORAL_SERVER_ROUTE=cli|java|sdk forces one.
import { createRequire } from 'node:module';
import { findOrBuildTemporalCli, INSTALL_ADVICE, onPath } from './ensure-cli.mjs';
import { startTemporalDevServer } from './dev-server.mjs';
import { ensureJavaTestServer, javaToolsPresent, startJavaTestServer } from './java-test-server.mjs';

const require = createRequire(import.meta.url);

/**
 * @param {{ port: number, uiPort?: number, dbFile?: string, logFile?: string, log: (m: string) => void }} options
 * @returns {Promise<{ address: string, uiUrl?: string, route: string, stop: () => Promise<void> }>}
 */
export async function provideTemporalServer({ port, uiPort, dbFile, logFile, log }) {
  const forced = process.env.TEMPORAL_SERVER_ROUTE;
  if (!forced || forced === 'cli') {
    const binary = findOrBuildTemporalCli({ log });
    if (binary) {
      const server = await startTemporalDevServer({ binary, port, uiPort, dbFile, logFile });
      return { ...server, route: `temporal CLI dev server (${binary})`, uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined };
    }
    if (forced) throw new Error(INSTALL_ADVICE);
  }
  if ((!forced && javaToolsPresent()) || forced === 'java') {
    const lib = ensureJavaTestServer({ log });
    if (lib) {
      log('Using Temporal\'s Java test server: state is kept in memory only, and there is no Web UI.');
      const server = await startJavaTestServer({ lib, port, logFile });
      return { ...server, route: `Java test server (${lib})` };
    }
    if (forced) throw new Error(INSTALL_ADVICE);
  }
  if (!forced || forced === 'sdk') {
    // Downloads the CLI from Temporal's CDN on first use; needs the network to reach it.
    log('Trying the Temporal SDK\'s own download of the dev server...');
    try {
      const { TestWorkflowEnvironment } = require('@temporalio/testing');
      const env = await TestWorkflowEnvironment.createLocal({
        server: { ip: '127.0.0.1', port, ui: Boolean(uiPort), uiPort, dbFilename: dbFile },
      });
      return {
        address: `127.0.0.1:${port}`,
        uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined,
        route: 'temporal CLI downloaded by the SDK',
        stop: () => env.teardown(),
      };
    } catch (error) {
      log(`The SDK's download failed: ${error?.message ?? error}`);
    }
  }
  const goFailed = !forced && onPath('go');
  throw new Error(INSTALL_ADVICE + (goFailed ? '\n(Go is on the PATH but building the CLI failed; see the output above.)' : ''));
}
