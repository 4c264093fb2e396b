// Fallback when the temporal CLI cannot be had: Temporal's Java test server from Maven Central.
// It keeps everything in memory and has no Web UI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, onPath } from './ensure-cli.mjs';
import { runServerProcess } from './server-process.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const JAVA_TEST_SERVER_VERSION = '1.31.0';

export function javaToolsPresent() {
  return Boolean(onPath('java') && onPath('mvn'));
}

/** Fetches the test server and its dependencies once into the cache; returns the classpath folder. */
export function ensureJavaTestServer({ log }) {
  const lib = join(cacheRoot(), 'java-test-server', JAVA_TEST_SERVER_VERSION, 'lib');
  if (existsSync(lib) && readdirSync(lib).some((f) => f.startsWith('temporal-test-server'))) return lib;
  const staging = `${lib}.staging-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  log(`Fetching Temporal's Java test server ${JAVA_TEST_SERVER_VERSION} from Maven Central into ${lib}...`);
  const result = spawnSync(
    'mvn',
    ['-q', '-B', '-f', join(here, 'java-test-server', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    return undefined;
  }
  rmSync(lib, { recursive: true, force: true });
  renameSync(staging, lib);
  return lib;
}

async function answers(address) {
  const { Connection } = require('@temporalio/client');
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    await connection.workflowService.getSystemInfo({});
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

export async function startJavaTestServer({ lib, port, logFile }) {
  const address = `127.0.0.1:${port}`;
  return runServerProcess({
    name: 'Java test server',
    command: 'java',
    args: ['-cp', `${lib}/*`, 'io.temporal.testserver.TestServer', String(port)],
    logFile,
    address,
    timeoutMs: 90_000,
    pollMs: 500,
    ready: () => answers(address),
  });
}

/**
 * The Java test server is also Temporal's time-skipping server. The SDK's TestWorkflowEnvironment
 * starts it as `<executable> <port>`; this writes that executable next to the cached jars.
 */
export function timeSkippingServerLauncher({ log }) {
  if (!javaToolsPresent()) return undefined;
  const lib = ensureJavaTestServer({ log });
  if (!lib) return undefined;
  const launcher = join(dirname(lib), 'time-skipping-server.sh');
  if (!existsSync(launcher)) {
    const staging = `${launcher}.${process.pid}`;
    writeFileSync(staging, `#!/bin/sh\nexec java -cp "${lib}/*" io.temporal.testserver.TestServer "$@"\n`, { mode: 0o755 });
    renameSync(staging, launcher);
  }
  return launcher;
}
