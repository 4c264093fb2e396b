import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { FaultInjector } from './fault-injector';
import { httpFaults } from './http-faults';

describe('httpFaults', () => {
  let dir: string;
  let injector: FaultInjector;
  const plan = (rules: unknown[]) => writeFileSync(join(dir, 'plan.json'), JSON.stringify({ rules }));

  function request(path: string) {
    const socket = { destroy: jest.fn() };
    const sent: { status?: number; body?: string; ended: boolean; headers: Record<string, string> } = { ended: false, headers: {} };
    const res = {
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      status(code: number) {
        sent.status = code;
        return this;
      },
      type() {
        return this;
      },
      send(body: string) {
        sent.body = body;
        return this;
      },
      end: () => {
        sent.ended = true;
      },
    };
    const next = jest.fn() as NextFunction;
    httpFaults(injector)({ method: 'POST', path, socket } as unknown as Request, res as unknown as Response, next);
    return { res: res as unknown as Response, socket, sent, next };
  }
  const settle = () => new Promise((r) => setTimeout(r, 20));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'http-faults-'));
    injector = new FaultInjector(join(dir, 'plan.json'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets a request through, and its answer out, when no rule names it', async () => {
    plan([{ point: 'http:POST /other', fault: 'error:500' }]);
    const r = request('/stock-inquiries/1/answer');
    await settle();
    expect(r.next).toHaveBeenCalled();
    r.res.end();
    await settle();
    expect(r.sent.ended).toBe(true);
  });

  it('answers a planned error as problem details, with Retry-After on a 503, without calling the handler', async () => {
    plan([{ point: 'http:POST /stock-inquiries/:id/answer', fault: 'error:503' }]);
    const r = request('/stock-inquiries/1/answer');
    await settle();
    expect(r.next).not.toHaveBeenCalled();
    expect(r.sent.status).toBe(503);
    expect(r.sent.headers['Retry-After']).toBe('1');
    expect(JSON.parse(r.sent.body as string)).toMatchObject({ status: 503, detail: 'at http:POST /stock-inquiries/1/answer' });
  });

  it('drops the connection at entry on a reset', async () => {
    plan([{ point: 'http:POST /transfer-notices', fault: 'reset' }]);
    const r = request('/transfer-notices');
    await settle();
    expect(r.socket.destroy).toHaveBeenCalled();
    expect(r.next).not.toHaveBeenCalled();
  });

  it('drops the answer after the handler has done its work on an exit reset', async () => {
    plan([{ point: 'http-exit:POST /orders/:id/payment-notice', fault: 'reset' }]);
    const r = request('/orders/9/payment-notice');
    await settle();
    expect(r.next).toHaveBeenCalled();
    r.res.end();
    await settle();
    expect(r.socket.destroy).toHaveBeenCalled();
    expect(r.sent.ended).toBe(false);
  });
});
