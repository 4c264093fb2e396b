// Runs a whole stack as `npm start` does (stack-process.mjs) for a jest test, which cannot import
// ES modules itself: start.mjs's output, its pid once up and its exit come as IPC messages, and a
// `{ type: 'signal', signal }` message is sent on to start.mjs. Usage: node stack-driver.mjs <dataDir>
import { startStackProcess } from '../../infra/scripts/stack-process.mjs';

const send = (message) => new Promise((r) => process.send(message, r));
let stack;
let signalledAt;

process.on('message', (message) => {
  if (message?.type !== 'signal' || !stack) return;
  signalledAt ??= Date.now();
  stack.child.kill(message.signal);
});
// the test went away: leave nothing behind
process.on('disconnect', () => stack?.child.kill('SIGTERM'));

try {
  stack = await startStackProcess({ dataDir: process.argv[2], onOutput: (chunk) => void send({ type: 'output', text: String(chunk) }) });
} catch (error) {
  await send({ type: 'failed', message: error.message });
  process.exit(1);
}
stack.child.once('exit', async (code, signal) => {
  await send({ type: 'exit', code, signal, afterSignalMs: signalledAt === undefined ? undefined : Date.now() - signalledAt });
  process.exit(0);
});
await send({ type: 'up', pid: stack.child.pid, urls: stack.urls });
