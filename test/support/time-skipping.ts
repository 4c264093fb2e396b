import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createServer } from 'node:net';

/**
 * Temporal's time-skipping test server, for tests about deadlines: time stands still unless the
 * test skips it (`env.sleep('25 hours')`), so nothing waits for real.
 */
export async function startTimeSkippingServer(): Promise<{ env: TestWorkflowEnvironment; address: string }> {
  const path = process.env.TEMPORAL_TIME_SKIPPING_SERVER;
  if (!path) {
    throw new Error("deadline tests need Temporal's time-skipping server: install java and mvn (see infra/temporal/java-test-server.mjs)");
  }
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
    probe.on('error', reject);
  });
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { port, executable: { type: 'existing-path', path } },
  });
  return { env, address: `127.0.0.1:${port}` };
}
