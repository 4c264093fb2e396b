// Production workers load this prebuilt bundle instead of bundling the workflow code at start.
const { bundleWorkflowCode } = require('@temporalio/worker');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');

async function bundle(workflowsPath, outFile) {
  // The workflows' module exports their interceptors (tracing), so it is an interceptor module too.
  const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: [workflowsPath], logger: quietLogger() });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  return outFile;
}

function quietLogger() {
  const noop = () => undefined;
  return { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
}

module.exports = { bundle };

if (require.main === module) {
  const root = resolve(__dirname, '../..');
  bundle(resolve(root, 'workflows/order/index.ts'), resolve(root, 'dist/workflow-bundle.js')).then(
    (file) => console.log(`workflow bundle written to ${file}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
