// node --test infra/deploy/checks: the deploy check passes on the files as they are, and fails, naming
// the slip, on copies with one slip each (a template that does not parse, a field Kubernetes does not
// know, a variable without a default, a host or a variable that does not exist).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkDeploy } from '../check.mjs';
import { ensureDeployTools } from '../tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const quiet = () => {};
let work;

function copyWith(from, file, replace) {
  const dir = mkdtempSync(join(work, 'copy-'));
  cpSync(join(root, from), dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const changed = replace(text);
  assert.notEqual(changed, text, `the slip must change ${file}`);
  writeFileSync(path, changed);
  return dir;
}

describe('deploy check', () => {
  before(() => {
    ensureDeployTools();
    work = mkdtempSync(join(tmpdir(), 'tradelane-deploy-check-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('passes on the compose file and the chart as they are', () => {
    assert.deepEqual(checkDeploy({ log: quiet }), []);
  });

  it('fails on a chart template that does not parse', () => {
    const chart = copyWith('infra/helm/tradelane', 'templates/parties.yaml', (t) => t.replace('{{- range $d := $deployments }}', '{{- range $d := $deployments }'));
    const problems = checkDeploy({ chart, parts: ['chart'], log: quiet });
    assert.ok(problems.some((p) => p.startsWith('helm lint (default values)') && p.includes('parties.yaml')), problems.join('\n'));
  });

  it('fails on a rendered object with a field Kubernetes does not know', () => {
    const chart = copyWith('infra/helm/tradelane', 'templates/migrate-job.yaml', (t) => t.replace('      restartPolicy: OnFailure', '      restartPolicy: OnFailure\n      restartPolice: Never'));
    const problems = checkDeploy({ chart, parts: ['chart'], log: quiet });
    assert.ok(problems.some((p) => p.startsWith('kubernetes-validate (default values, 1.37.0)') && p.includes("'restartPolice' was unexpected")), problems.join('\n'));
  });

  it('fails on a chart that sets a variable no process reads, or probes a port it does not name', () => {
    const chart = copyWith('infra/helm/tradelane', 'templates/parties.yaml', (t) => t.replace('- name: TEMPORAL_NAMESPACE', '- name: TEMPORAL_NAMESPASE'));
    const helpers = join(chart, 'templates/_helpers.tpl');
    writeFileSync(helpers, readFileSync(helpers, 'utf8').replace('httpGet: { path: {{ .ready }}, port: http }', 'httpGet: { path: {{ .ready }}, port: web }'));
    const problems = checkDeploy({ chart, parts: ['chart'], log: quiet });
    assert.ok(problems.includes('default values: Deployment tradelane-buyer: sets TEMPORAL_NAMESPASE, which no Tradelane process reads'), problems.join('\n'));
    assert.ok(problems.includes("default values: Deployment tradelane-console: console's readinessProbe uses port web, which it does not name"), problems.join('\n'));
  });

  it('fails on a compose variable without a default, a host that is no service, a port it does not listen on, a variable no process reads', () => {
    const deploy = copyWith('infra/deploy', 'compose.yaml', (t) =>
      t
        .replace('  TEMPORAL_ADDRESS: temporal:7233\n  TEMPORAL_NAMESPACE', '  TEMPORAL_ADDRESS: ${TEMPORAL_HOST}:7233\n  TEMPORAL_NAMESPACE')
        .replace('BUYER_URL: http://buyer:3001', 'BUYER_URL: http://buyers:3001')
        .replace('TRUST_PROXY: uniquelocal', 'TRUST_PROXIES: uniquelocal'),
    );
    const prometheus = join(deploy, 'prometheus.yml');
    writeFileSync(prometheus, readFileSync(prometheus, 'utf8').replace('"buyer:9464"', '"buyer:9465"'));
    const problems = checkDeploy({ compose: join(deploy, 'compose.yaml'), parts: ['compose'], log: quiet });
    for (const expected of [
      'compose: ${TEMPORAL_HOST} has no default (write ${TEMPORAL_HOST:-value}, or ${TEMPORAL_HOST:?why} if it must be given)',
      "compose: console's BUYER_URL names buyers, which is no service of the file",
      'compose: buyer sets TRUST_PROXIES, which no Tradelane process reads',
      'compose: prometheus job tradelane-temporal-workers names buyer:9465, but buyer listens on 3001, 9464',
    ]) {
      assert.ok(problems.includes(expected), `expected: ${expected}\ngot:\n${problems.join('\n')}`);
    }
  });
});
