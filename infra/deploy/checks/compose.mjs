// The compose file as compose-go (the loader docker compose itself uses) reads it, with no variable
// set: it parses, every ${VARIABLE} has a default, and it refers only to what is in it - images built
// by one of its services or pinned by version, hosts that are its services, ports those services
// listen on, files beside it, variables the processes read.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0']);

/** registry/name:tag or name@sha256:...; a tag other than latest */
export function pinnedImage(image) {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1];
  return Boolean(tag) && tag !== 'latest';
}

/** host and port named by an environment value: a URL, or host:port */
export function addressesIn(value) {
  const found = [];
  for (const match of String(value).matchAll(/\b[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([a-z0-9.-]+)(?::(\d+))?/gi)) {
    found.push({ host: match[1], port: match[2] && Number(match[2]) });
  }
  const plain = /^([a-z0-9][a-z0-9.-]*):(\d+)$/i.exec(String(value));
  if (plain) found.push({ host: plain[1], port: Number(plain[2]) });
  return found;
}

/** Ports a process of the Tradelane image listens on, from its environment. */
function tradelanePorts(environment) {
  const ports = new Set();
  for (const name of ['PORT', 'CONSOLE_PORT']) if (environment[name] !== undefined) ports.add(Number(environment[name]));
  const metrics = /:(\d+)$/.exec(environment.TEMPORAL_METRICS_BIND_ADDRESS ?? '');
  if (metrics) ports.add(Number(metrics[1]));
  return ports;
}

export function checkCompose({ composeSpec, file, known }) {
  const problems = [];
  const facts = [];
  // No variable from this shell, no .env: what `docker compose up` sees on a fresh machine.
  const run = spawnSync(composeSpec, ['--format', 'json', file], {
    cwd: dirname(file),
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    encoding: 'utf8',
  });
  const unset = new Set([...run.stderr.matchAll(/The \\?"(\w+)\\?" variable is not set/g)].map((m) => m[1]));
  for (const name of unset) problems.push(`compose: \${${name}} has no default (write \${${name}:-value}, or \${${name}:?why} if it must be given)`);
  if (run.status !== 0) {
    problems.push(`compose: compose-go refused ${file}: ${(run.stderr || run.stdout).trim().split('\n').pop()}`);
    return { problems, facts };
  }
  const model = JSON.parse(run.stdout);
  const services = model.services ?? {};
  const names = new Set(Object.keys(services));
  const variables = [...new Set([...readFileSync(file, 'utf8').matchAll(/\$\{(\w+)/g)].map((m) => m[1]))].sort();
  facts.push(`compose: ${names.size} services (${[...names].join(', ')}); ${variables.length} variables, each with a default`);

  const built = new Set(Object.values(services).filter((s) => s.build).map((s) => s.image));
  const tradelane = new Map();
  for (const [name, service] of Object.entries(services)) {
    if (!service.image) problems.push(`compose: ${name} names no image`);
    else if (!service.build && !built.has(service.image) && !pinnedImage(service.image)) {
      problems.push(`compose: ${name}'s image ${service.image} is neither built here nor pinned to a version`);
    }
    if (built.has(service.image)) tradelane.set(name, tradelanePorts(service.environment ?? {}));
  }
  facts.push(`compose: images built here: ${[...built].join(', ')}; pinned: ${[...new Set(Object.values(services).map((s) => s.image).filter((i) => !built.has(i)))].join(', ')}`);

  const reach = (where, { host, port }) => {
    if (LOCAL_HOSTS.has(host)) return;
    if (!names.has(host)) problems.push(`compose: ${where} names ${host}, which is no service of the file`);
    else if (port && tradelane.has(host) && !tradelane.get(host).has(port)) problems.push(`compose: ${where} names ${host}:${port}, but ${host} listens on ${[...tradelane.get(host)].join(', ')}`);
  };
  for (const [name, service] of Object.entries(services)) {
    for (const [variable, value] of Object.entries(service.environment ?? {})) {
      if (tradelane.has(name) && !known.has(variable)) problems.push(`compose: ${name} sets ${variable}, which no Tradelane process reads`);
      for (const address of addressesIn(value ?? '')) reach(`${name}'s ${variable}`, address);
    }
    for (const volume of service.volumes ?? []) {
      if (volume.type === 'bind' && !existsSync(volume.source)) problems.push(`compose: ${name} mounts ${volume.source}, which does not exist`);
    }
  }

  const prometheus = Object.values(services).flatMap((s) => s.volumes ?? []).find((v) => v.type === 'bind' && v.target === '/etc/prometheus/prometheus.yml');
  if (prometheus && existsSync(prometheus.source)) {
    const config = yaml.load(readFileSync(prometheus.source, 'utf8'));
    let targets = 0;
    for (const job of config.scrape_configs ?? []) {
      for (const target of (job.static_configs ?? []).flatMap((c) => c.targets ?? [])) {
        targets += 1;
        for (const address of addressesIn(target)) reach(`prometheus job ${job.job_name}`, address);
      }
    }
    facts.push(`compose: prometheus scrapes ${targets} targets in ${(config.scrape_configs ?? []).length} jobs`);
  }
  return { problems, facts };
}

export const defaultComposeFile = (root) => resolve(join(root, 'infra/deploy/compose.yaml'));
