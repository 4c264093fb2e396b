// The environment variables a Tradelane process reads: every upper-case name in its source (apps,
// libs, workflows; the image's entrypoint), and the OTEL_* names the OpenTelemetry SDK reads. A
// variable set in a deploy file that none of them reads is a typo or a leftover.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const NAME = /\b[A-Z][A-Z0-9_]*[A-Z0-9]\b/g;

function* files(dir, accept) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === 'node_modules' || entry === 'generated') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path, accept);
    else if (accept(path)) yield path;
  }
}

function namesIn(paths, keep = () => true) {
  const names = new Set();
  for (const path of paths) for (const name of readFileSync(path, 'utf8').match(NAME) ?? []) if (keep(name)) names.add(name);
  return names;
}

export function knownVariables(root) {
  const source = (path) => /\.(ts|js|mjs)$/.test(path) && !/\.(spec|e2e-spec)\.ts$/.test(path);
  const names = namesIn([
    ...['apps', 'libs', 'workflows'].flatMap((dir) => [...files(join(root, dir), source)]),
    join(root, 'infra/deploy/entrypoint.sh'),
  ]);
  const otel = namesIn(
    files(join(root, 'node_modules/@opentelemetry'), (path) => path.includes('/build/src/') && path.endsWith('.js')),
    (name) => name.startsWith('OTEL_'),
  );
  // read by Node itself
  return new Set([...names, ...otel, 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'TZ']);
}
