import { startTracing } from './tracing';

/**
 * Imported first by each service's main.ts (or preloaded with `node -r`), so that tracing
 * patches http, pg and fetch before they load. The service is the app whose main.js runs.
 */
const role = /apps[\\/]([^\\/]+)[\\/]src[\\/]main\.[jt]s$/.exec(require.main?.filename ?? '')?.[1];
startTracing({ serviceName: role ? `tradelane-${role}` : undefined });
