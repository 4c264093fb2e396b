import { Writable } from 'node:stream';
import type { Request } from 'express';
import { bindLogContext, withLogContext } from './log-context';
import { configureLogging, processLogger, settingsFromEnvironment } from './process-logger';
import { loggableUrl } from './redaction';
import { requestIdOf } from './request-context';
import { TemporalProcessLogger } from './temporal-logger';

describe('the process logger', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    configureLogging({
      level: 'debug',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          written.push(...chunk.toString().split('\n').filter(Boolean));
          done();
        },
      }),
    });
  });
  afterAll(() => configureLogging({ level: 'warn' }));
  const last = () => JSON.parse(written.at(-1)!);

  it('adds what the context bound, and what was learned later in it, to every line', () => {
    withLogContext({ service: 'tradelane-buyer', requestId: 'r-1' }, () => {
      processLogger().info('before');
      bindLogContext({ organisationId: 'muster-maschinenbau', orderId: 'o-1' });
      processLogger().info('after');
    });
    processLogger().info('outside');
    expect(written.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ msg: 'before', service: 'tradelane-buyer', requestId: 'r-1' }),
      expect.objectContaining({ msg: 'after', service: 'tradelane-buyer', requestId: 'r-1', organisationId: 'muster-maschinenbau', orderId: 'o-1' }),
      expect.not.objectContaining({ requestId: 'r-1' }),
    ]);
  });

  it('writes a key once when the call names what the context also binds', () => {
    withLogContext({ orderId: 'from-context' }, () => processLogger().info({ orderId: 'from-call' }, 'line'));
    expect(written[0].match(/"orderId"/g)).toHaveLength(1);
    expect(last().orderId).toBe('from-call');
  });

  it('hides credentials wherever a caller puts them', () => {
    processLogger().info({ authorization: 'Bearer abc', body: { password: 'hunter22', token: 't', sku: 'NUT-M8' } }, 'careless');
    expect(last()).toMatchObject({ authorization: '[redacted]', body: { password: '[redacted]', token: '[redacted]', sku: 'NUT-M8' } });
  });

  it("writes Temporal's lines with the order's ids, its trace, the party of the task queue, and no task token", () => {
    new TemporalProcessLogger().debug('Activity completed', {
      sdkComponent: 'worker',
      taskQueue: 'tabc-payment-gateway',
      workflowId: 'order:o-2',
      taskToken: 'c2VjcmV0',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203331',
      activityType: 'receivePaymentNotice',
    });
    expect(last()).toMatchObject({
      level: 20,
      component: 'temporal:worker',
      service: 'tradelane-payment-gateway',
      orderId: 'o-2',
      workflowId: 'order:o-2',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      activityType: 'receivePaymentNotice',
    });
    expect(written[0]).not.toContain('c2VjcmV0');
    new TemporalProcessLogger().warn('No workflows registered, not polling for workflow tasks');
    expect(written).toHaveLength(1);
  });
});

describe('logging settings', () => {
  it('defaults to info and refuses levels and formats it does not know, naming the variable', () => {
    expect(settingsFromEnvironment({ LOG_FORMAT: 'json' })).toEqual({ level: 'info', format: 'json' });
    expect(() => settingsFromEnvironment({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => settingsFromEnvironment({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

describe('request ids and URLs in log lines', () => {
  const withHeader = (value?: string) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as Request;

  it("keeps a caller's plain request id and replaces one that could break a line or a header", () => {
    expect(requestIdOf(withHeader('po-42.retry:1'))).toBe('po-42.retry:1');
    for (const bad of ['a\nforged line', 'x'.repeat(129), '', undefined]) {
      expect(requestIdOf(withHeader(bad))).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('hides query values that look like credentials and keeps the rest', () => {
    expect(loggableUrl('/auth/oidc/callback?code=abc&state=xyz&cursor=2')).toBe(
      '/auth/oidc/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&cursor=2',
    );
    expect(loggableUrl('/orders?status=open')).toBe('/orders?status=open');
  });
});
