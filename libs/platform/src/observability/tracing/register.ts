import { serviceOfProcess } from './attributes';
import { startTracing } from './tracing';

/**
 * Imported first by each service's main.ts (or preloaded with `node -r`), so that tracing
 * patches http, pg and fetch before they load.
 */
startTracing({ serviceName: serviceOfProcess() });
