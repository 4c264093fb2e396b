import express from 'express';
import request from 'supertest';
import { apiProxy } from './api-proxy';
import type { ConsoleConfig } from './config';
import { SessionCookies } from './session-cookies';
import { SessionTokens } from './session-tokens';

describe('the console passing requests on to the services', () => {
  const config: ConsoleConfig = {
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://127.0.0.1:3000',
    staticDir: '/nowhere',
    services: { buyer: 'http://127.0.0.1:9', distributor: 'http://127.0.0.1:9', supplier: 'http://127.0.0.1:9', carrier: 'http://127.0.0.1:9', 'payment-gateway': 'http://127.0.0.1:9' },
    recheckSeconds: 0,
    sameSite: 'Lax',
  };
  const app = express().use(apiProxy(config, new SessionCookies(config), new SessionTokens(config.services.distributor, 0)));

  it.each(['/api/distributor/metrics', '/api/buyer/metrics/', '/api/payment-gateway/metrics'])('refuses %s, which is for the scraper, before asking for a session', async (path) => {
    const res = await request(app).get(path).expect(404);
    expect(res.body.detail).toMatch(/metrics are for the operators/);
  });

  it('still asks for a session on the API routes, including ones whose name starts alike', async () => {
    for (const path of ['/api/distributor/orders', '/api/distributor/metrics-report']) {
      await request(app).get(path).expect(401);
    }
  });
});
