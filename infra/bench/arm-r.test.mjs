// node --test infra/bench/*.test.mjs: arm R's parts that need no stack: the release's processes
// counted as services but read apart for memory, A/R ratios from paired windows, and which body
// fields the release's answers need, read from its published OpenAPI document.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { asRelease, lastRelease, namesActors, releaseNamespace } from './release.mjs';
import { summarise } from './report.mjs';

const options = { arms: ['A', 'R'], maxVariation: 0.15 };

function window(arm, round, orders, cpuSeconds, peakRssMiB = {}) {
  return { arm, round, seconds: 10, orders, errors: 0, latenciesMs: Array(orders).fill(arm === 'A' ? 400 : 500), cpuSeconds, peakRssMiB };
}

describe('arm R in the summary', () => {
  const windows = [
    window('A', 0, 40, { 'temporal-server': 2, postgres: 1, 'service:distributor': 3, 'release:service:distributor': 0.1 }, { 'service:distributor': 300, 'release:service:distributor': 250 }),
    window('R', 0, 20, { 'temporal-server': 2, postgres: 1, 'service:distributor': 0.1, 'release:service:distributor': 3 }, { 'service:distributor': 310, 'release:service:distributor': 260, 'release:service:buyer': 100 }),
  ];
  const summary = summarise({ windows, histories: { A: [{ events: 50, workflowTasks: 7, activities: 5, markers: 3 }], R: [{ events: 40, workflowTasks: 7, activities: 5, markers: 3 }] }, release: { version: '0.1.0' } }, options);

  it("counts the release's processes as services", () => {
    assert.equal(summary.arms.R.cpuMsPerOrder.services, 155); // (0.1 + 3) s over 20 orders
    assert.equal(summary.arms.A.cpuMsPerOrder.services, 77.5); // (3 + 0.1) s over 40 orders
  });

  it("reads each arm's own distributor and services for memory", () => {
    assert.equal(summary.arms.A.peakRssMiB.distributor, 300);
    assert.equal(summary.arms.R.peakRssMiB.distributor, 260);
    assert.equal(summary.arms.R.peakRssMiB.servicesTotal, 360);
  });

  it('gives A/R ratios of paired windows', () => {
    const r = summary.ratios['A/R'];
    assert.equal(r.ordersPerSecond.median, 2);
    assert.equal(r.latencyP50.median, 0.8);
    assert.equal(r.serverCpuPerOrder.median, 0.5);
    assert.equal(r.totalCpuPerOrder.median, 0.5);
    assert.equal(r.eventsPerOrder, 1.25);
    assert.equal(summary.release.version, '0.1.0');
  });
});

describe("the release's processes and names", () => {
  it('are told apart from this commit', () => {
    assert.deepEqual(asRelease([{ pid: 1, component: 'service:buyer' }]), [{ pid: 1, component: 'release:service:buyer' }]);
  });

  it('come from the last release in release.json', () => {
    const release = lastRelease();
    assert.match(release.commit, /^[0-9a-f]{40}$/);
    assert.equal(releaseNamespace(release), `tradelane-release-${release.version}`);
  });
});

describe("the fields a release's answers need", () => {
  let server;
  let doc;
  before(async () => {
    server = createServer((req, res) => res.end(JSON.stringify(doc)));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
  });
  after(() => server.close());
  const urls = () => ({ buyer: `http://127.0.0.1:${server.address().port}` });
  const published = (properties) => ({
    paths: { '/orders/{orderId}/payment-notice': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentNoticeDto' } } } } } } },
    components: { schemas: { PaymentNoticeDto: { properties } } },
  });

  it('names who paid where the payment notice has paidBy (0.1.0)', async () => {
    doc = published({ amountMinor: {}, currency: {}, paidBy: {} });
    assert.equal(await namesActors(urls()), true);
  });

  it('names nobody where the token says who acts', async () => {
    doc = published({ amountMinor: {}, currency: {} });
    assert.equal(await namesActors(urls()), false);
  });

  it('refuses a release that publishes no payment notice', async () => {
    doc = { paths: {} };
    await assert.rejects(namesActors(urls()), /publishes no POST \/orders\/\{orderId\}\/payment-notice/);
  });
});
