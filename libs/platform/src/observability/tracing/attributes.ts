/**
 * Which service made a span. One process runs one service in production (its resource says
 * so); the test stack runs all five in one, where only this attribute tells them apart.
 */
export const SERVICE_ATTRIBUTE = 'tradelane.service';

/**
 * The service this process runs: OTEL_SERVICE_NAME, else `tradelane-<role>` of the app whose
 * main.js started it; none in a process that runs several (the tests).
 */
export function serviceOfProcess(env: NodeJS.ProcessEnv = process.env, entry = require.main?.filename): string | undefined {
  if (env.OTEL_SERVICE_NAME) return env.OTEL_SERVICE_NAME;
  const role = /apps[\\/]([^\\/]+)[\\/]src[\\/]main\.[jt]s$/.exec(entry ?? '')?.[1];
  return role ? `tradelane-${role}` : undefined;
}
