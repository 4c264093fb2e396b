import { chromiumPath } from './browser';
import { startSystem } from './stack';

/** Starts the whole system once for every journey; the returned function stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env.CHROMIUM_PATH = chromiumPath();
  const system = await startSystem();
  process.env.CONSOLE_URL = system.consoleUrl;
  process.env.TRADELANE_DATA_DIR = system.dataDir;
  process.env.CONSOLE_DATABASE_URL = system.databaseUrl;
  return () => system.stop();
}
