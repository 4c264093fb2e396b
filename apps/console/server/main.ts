import { consoleConfig } from './config';
import { createConsoleServer } from './console-server';

function start(): void {
  const config = consoleConfig();
  const server = createConsoleServer(config).listen(config.port, config.host, () => {
    console.log(`[console] serving ${config.publicUrl}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) start();
