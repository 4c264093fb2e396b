// The Helm chart: `helm lint`, `helm template` with the default values and with each values file in
// its ci/ folder, every rendered object against the Kubernetes JSON schemas (kubernetes-validate,
// offline, strict: no unknown fields) of the oldest and the newest Kubernetes the chart is for, and
// what holds the objects together: selectors and targets that match, probes on named ports, the
// Secrets read, the variables set, the in-cluster URLs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { addressesIn } from './compose.mjs';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');

/** The Kubernetes versions rendered and validated against: Chart.yaml's kubeVersion floor and the newest schemas. */
export const KUBERNETES_VERSIONS = ['1.27.0', '1.37.0'];
const PARTIES = ['buyer', 'distributor', 'supplier', 'carrier', 'payment-gateway'];
const RELEASE = 'tradelane';

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, out: result.stdout ?? '', err: result.stderr ?? '' };
}

const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

/** Problems in how the rendered objects refer to each other and to the image's processes. */
export function crossCheck(objects, { known, label }) {
  const problems = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const workloads = [...byKind('Deployment'), ...byKind('Job')];
  const deployments = byKind('Deployment');
  const secrets = new Set(byKind('Secret').map((s) => s.metadata.name));
  const services = new Map(byKind('Service').map((s) => [s.metadata.name, s]));
  const external = new Set();
  const image = (c) => /(^|\/)tradelane[:@]/.test(c.image);

  for (const w of workloads) {
    const where = `${label}: ${w.kind} ${w.metadata.name}`;
    const pod = w.spec.template.spec;
    if (w.kind === 'Deployment' && !matches(w.spec.selector.matchLabels, w.spec.template.metadata.labels)) problems.push(`${where}: its selector does not match its pods`);
    for (const volume of pod.volumes ?? []) if (volume.secret && !secrets.has(volume.secret.secretName)) external.add(volume.secret.secretName);
    for (const c of pod.containers) {
      const ports = new Set((c.ports ?? []).map((p) => p.name));
      if (w.kind === 'Deployment') {
        for (const probe of ['readinessProbe', 'livenessProbe']) {
          const port = c[probe]?.httpGet?.port;
          if (!c[probe]) problems.push(`${where}: ${c.name} has no ${probe}`);
          else if (typeof port === 'string' && !ports.has(port)) problems.push(`${where}: ${c.name}'s ${probe} uses port ${port}, which it does not name`);
        }
        if (!c.resources?.requests) problems.push(`${where}: ${c.name} requests no resources`);
      }
      for (const env of c.env ?? []) {
        if (image(c) && !known.has(env.name)) problems.push(`${where}: sets ${env.name}, which no Tradelane process reads`);
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && !secrets.has(ref.name)) external.add(ref.name);
        for (const { host, port } of addressesIn(env.value ?? '')) {
          const service = services.get(host.split('.')[0]);
          if (!host.includes('.') && !['localhost', '127.0.0.1', '0.0.0.0'].includes(host) && !service) problems.push(`${where}: ${env.name} names ${host}, which is no Service of the chart`);
          if (service && port && !service.spec.ports.some((p) => p.port === port)) problems.push(`${where}: ${env.name} names port ${port} of ${host}, which it does not serve`);
        }
      }
    }
  }
  for (const s of services.values()) {
    if (!deployments.some((d) => matches(s.spec.selector, d.spec.template.metadata.labels))) problems.push(`${label}: Service ${s.metadata.name} selects no pods`);
  }
  for (const pdb of byKind('PodDisruptionBudget')) {
    if (!deployments.some((d) => matches(pdb.spec.selector.matchLabels, d.spec.template.metadata.labels))) problems.push(`${label}: PodDisruptionBudget ${pdb.metadata.name} selects no pods`);
    // a rule of the API server, not of the schema
    if ('minAvailable' in pdb.spec && 'maxUnavailable' in pdb.spec) problems.push(`${label}: PodDisruptionBudget ${pdb.metadata.name} sets both minAvailable and maxUnavailable`);
  }
  const hpaTargets = new Set();
  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const target = deployments.find((d) => d.metadata.name === hpa.spec.scaleTargetRef.name);
    if (!target) problems.push(`${label}: HorizontalPodAutoscaler ${hpa.metadata.name} scales ${hpa.spec.scaleTargetRef.name}, which is not rendered`);
    else hpaTargets.add(target);
    if (hpa.spec.minReplicas > hpa.spec.maxReplicas) problems.push(`${label}: HorizontalPodAutoscaler ${hpa.metadata.name} has minReplicas above maxReplicas`);
  }
  for (const party of PARTIES) {
    const runs = deployments.filter((d) => d.spec.template.spec.containers.some((c) => c.args?.[0] === party));
    if (!runs.length) problems.push(`${label}: no Deployment runs ${party}`);
    const workers = runs.filter((d) => d.spec.template.spec.containers[0].env.find((e) => e.name === 'TEMPORAL_WORKERS_ENABLED')?.value !== 'false');
    if (!workers.length) problems.push(`${label}: no Deployment runs ${party}'s Temporal worker`);
  }
  return { problems, external: [...external].sort(), autoscaled: [...hpaTargets].map((d) => d.metadata.name) };
}

export function checkChart({ helm, kubernetesValidate, chart, known }) {
  const problems = [];
  const facts = [];
  const ciDir = join(chart, 'ci');
  const valueFiles = existsSync(ciDir) ? readdirSync(ciDir).filter((f) => f.endsWith('-values.yaml')).sort().map((f) => join(ciDir, f)) : [];
  const cases = [{ label: 'default values', args: [] }, ...valueFiles.map((f) => ({ label: basename(f), args: ['-f', f] }))];
  const work = mkdtempSync(join(tmpdir(), 'tradelane-chart-'));
  try {
    for (const { label, args } of cases) {
      const lint = run(helm, ['lint', '--strict', chart, ...args]);
      if (!lint.ok) {
        problems.push(`helm lint (${label}): ${(lint.out + lint.err).trim().split('\n').filter((l) => /ERROR|WARNING|Error/.test(l)).join(' | ')}`);
        continue;
      }
      for (const version of KUBERNETES_VERSIONS) {
        const rendered = run(helm, ['template', RELEASE, chart, '--namespace', 'tradelane', '--kube-version', version, ...args]);
        if (!rendered.ok) {
          problems.push(`helm template (${label}, Kubernetes ${version}): ${rendered.err.trim().split('\n').pop()}`);
          continue;
        }
        const file = join(work, `${label.replace(/\W+/g, '-')}-${version}.yaml`);
        writeFileSync(file, rendered.out);
        const objects = yaml.loadAll(rendered.out).filter(Boolean);
        const validated = run(kubernetesValidate, ['--strict', '--quiet', '-k', version, file]);
        const failures = (validated.out + validated.err).split('\n').filter((l) => /^(ERROR|WARN)/.test(l));
        if (!validated.ok || failures.length) problems.push(...(failures.length ? failures : [validated.err.trim()]).map((l) => `kubernetes-validate (${label}, ${version}): ${l.replace(file, '').trim()}`));
        const checked = crossCheck(objects, { known, label: `${label}` });
        problems.push(...checked.problems);
        if (version === KUBERNETES_VERSIONS.at(-1)) {
          const kinds = {};
          for (const o of objects) (kinds[o.kind] ??= []).push(o.metadata.name);
          facts.push(
            `helm (${label}): ${objects.length} objects, each valid for Kubernetes ${KUBERNETES_VERSIONS.join(' and ')}: ` +
              Object.entries(kinds).map(([kind, n]) => `${kind} ${n.length}`).join(', '),
          );
          facts.push(`helm (${label}): autoscaled ${checked.autoscaled.join(', ') || 'nothing'}; Secrets read that must exist: ${checked.external.join(', ') || 'none'}`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { problems, facts, rendered: cases.length };
}
