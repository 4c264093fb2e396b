import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultInjector, faultError, faultInjector } from './fault-injector';

describe('FaultInjector', () => {
  let dir: string;
  let plan: string;
  const write = (rules: unknown[]) => writeFileSync(plan, JSON.stringify({ rules }));
  const events = () =>
    readFileSync(`${plan}.events`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; point: string });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faults-'));
    plan = join(dir, 'plan.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes everything while there is no plan file', async () => {
    await expect(new FaultInjector(plan).at('activity:a')).resolves.toEqual({ kind: 'pass' });
  });

  it('answers an error and a reset as planned, and announces each', async () => {
    write([
      { point: 'activity:a', fault: 'error:503', count: 1 },
      { point: 'activity:a', fault: 'reset', count: 1 },
    ]);
    const injector = new FaultInjector(plan);
    expect(await injector.at('activity:a')).toEqual({ kind: 'error', status: 503 });
    expect(await injector.at('activity:a')).toEqual({ kind: 'reset' });
    expect(await injector.at('activity:a')).toEqual({ kind: 'pass' });
    expect(events().map((e) => e.event)).toEqual(['applied', 'applied']);
  });

  it('holds a point, announcing it, until the rule leaves the plan', async () => {
    write([{ point: 'http:POST /x/:id', fault: 'hold', id: 'h' }]);
    const injector = new FaultInjector(plan);
    let done = false;
    const held = injector.at('http:POST /x/42').then((o) => ((done = true), o));
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false);
    expect(events()).toMatchObject([{ event: 'held', point: 'http:POST /x/42' }]);
    // a later mtime of the same size must be read again too
    write([]);
    await expect(held).resolves.toEqual({ kind: 'pass' });
    expect(events().map((e) => e.event)).toEqual(['held', 'released']);
  });

  it('keeps the last good rules when the file is rewritten badly', async () => {
    write([{ point: 'activity:a', fault: 'error:500' }]);
    const injector = new FaultInjector(plan);
    expect(await injector.at('activity:a')).toEqual({ kind: 'error', status: 500 });
    writeFileSync(plan, '{ broken');
    expect(await injector.at('activity:a')).toEqual({ kind: 'error', status: 500 });
    expect(events().map((e) => e.event)).toContain('plan-refused');
  });
});

describe('faultInjector', () => {
  it('is off without TRADELANE_FAULTS', () => expect(faultInjector({ NODE_ENV: 'development' })).toBeNull());

  it('reads the plan file TRADELANE_FAULTS names', () =>
    expect(faultInjector({ TRADELANE_FAULTS: '/tmp/plan.json' })?.planFile).toBe('/tmp/plan.json'));

  it('refuses to start with faults in production, naming the variable', () =>
    expect(() => faultInjector({ TRADELANE_FAULTS: '/tmp/plan.json', NODE_ENV: 'production' })).toThrow(/TRADELANE_FAULTS/));
});

describe('faultError', () => {
  it('makes a reset look like a dropped connection and an error name its status', () => {
    expect(faultError('webhook:transfer-notice', { kind: 'reset' })).toMatchObject({ code: 'ECONNRESET' });
    expect(faultError('webhook:transfer-notice', { kind: 'error', status: 503 }).message).toMatch(/503/);
  });
});
