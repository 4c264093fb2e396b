// What can be checked of the image without a container engine: every file the Dockerfile copies from
// the build context exists and is not ignored, and every role of the entrypoint starts a program
// that `npm run build` compiles from a source file in the repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function checkImage(root) {
  const problems = [];
  const dockerfile = readFileSync(join(root, 'infra/deploy/Dockerfile'), 'utf8');
  const ignored = readFileSync(join(root, 'infra/deploy/Dockerfile.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim().replace(/\/$/, ''))
    .filter((l) => l && !l.startsWith('#'));
  const copied = [];
  for (const line of dockerfile.split('\n')) {
    const copy = /^COPY\s+(?!--from)(.+)$/.exec(line.trim());
    if (!copy) continue;
    const parts = copy[1].split(/\s+/);
    for (const source of parts.slice(0, -1)) {
      if (source === '.') continue;
      copied.push(source);
      if (!existsSync(join(root, source))) problems.push(`image: the Dockerfile copies ${source}, which does not exist`);
      if (ignored.some((pattern) => source === pattern || source.startsWith(`${pattern}/`))) problems.push(`image: the Dockerfile copies ${source}, which Dockerfile.dockerignore leaves out`);
    }
  }
  const entrypoint = readFileSync(join(root, 'infra/deploy/entrypoint.sh'), 'utf8');
  const roles = [];
  for (const match of entrypoint.matchAll(/^\s+([a-z|-]+)\) entry="dist\/([^"]+)\.js"/gm)) {
    for (const role of match[1].split('|')) {
      roles.push(role);
      const source = `${match[2].replace('$role', role)}.ts`;
      if (!existsSync(join(root, source))) problems.push(`image: role ${role} starts dist/${source.replace(/\.ts$/, '.js')}, but ${source} does not exist`);
    }
  }
  return { problems, facts: [`image: copies ${[...new Set(copied)].join(', ')}; roles ${roles.join(', ')}, each from a source file`] };
}
