// `node infra/deploy/check.mjs`: the deploy files, checked without a container engine or a cluster.
// Finds or builds its tools in the cache (infra/deploy/tools.mjs), then checks the image's files,
// the compose file and the Helm chart; prints what it found and exits 1 on any problem.
//   --compose FILE   another compose file (default infra/deploy/compose.yaml)
//   --chart DIR      another chart (default infra/helm/tradelane)
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkChart } from './checks/chart.mjs';
import { checkCompose } from './checks/compose.mjs';
import { checkImage } from './checks/image.mjs';
import { knownVariables } from './checks/known-variables.mjs';
import { ensureDeployTools } from './tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? resolve(args[i + 1]) : fallback;
}

const PARTS = ['image', 'compose', 'chart'];

/** The problems found (none: an empty list); `parts` narrows the check to some of image, compose, chart. */
export function checkDeploy({ compose, chart, parts = PARTS, log = console.log } = {}) {
  const started = Date.now();
  const tools = ensureDeployTools();
  const known = knownVariables(root);
  const checks = {
    image: () => checkImage(root),
    compose: () => checkCompose({ composeSpec: tools.composeSpec, file: compose ?? resolve(root, 'infra/deploy/compose.yaml'), known }),
    chart: () =>
      checkChart({ helm: tools.helm, kubernetesValidate: tools.kubernetesValidate, chart: chart ?? resolve(root, 'infra/helm/tradelane'), known }),
  };
  const results = parts.map((part) => checks[part]());
  // the same slip shows in every rendering: name it once
  const problems = [...new Set(results.flatMap((r) => r.problems))];
  for (const fact of results.flatMap((r) => r.facts)) log(`[deploy] ${fact}`);
  for (const problem of problems) log(`[deploy] PROBLEM ${problem}`);
  log(`[deploy] ${problems.length ? `${problems.length} problem(s)` : 'no problems'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  try {
    const problems = checkDeploy({ compose: option(args, '--compose'), chart: option(args, '--chart') });
    process.exit(problems.length ? 1 : 0);
  } catch (error) {
    console.error(`[deploy] ${error.message}`);
    process.exit(1);
  }
}
