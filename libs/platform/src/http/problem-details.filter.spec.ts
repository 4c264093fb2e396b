import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem';
import { flattenValidationErrors } from './validation';

function respond(exception: unknown) {
  const sent: { status?: number; type?: string; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const res = {
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
      return res;
    },
    status(code: number) {
      sent.status = code;
      return res;
    },
    type(t: string) {
      sent.type = t;
      return res;
    },
    send(body: string) {
      sent.body = JSON.parse(body);
      return res;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ method: 'GET', originalUrl: '/things/1?x=2' }), getResponse: () => res }),
  } as unknown as ArgumentsHost;
  const filter = new ProblemDetailsFilter();
  (filter as unknown as { logger: { error: jest.Mock; warn: jest.Mock } }).logger = { error: jest.fn(), warn: jest.fn() };
  filter.catch(exception, host);
  return { ...sent, logged: (filter as unknown as { logger: { error: jest.Mock } }).logger.error };
}

describe('ProblemDetailsFilter', () => {
  it('passes a problem through with its status and fields', () => {
    const r = respond(new ProblemException(422, 'unprocessable', 'Nope', 'bad sku', [{ field: 'lines[0].sku', message: 'unknown' }]));
    expect(r.status).toBe(422);
    expect(r.type).toBe('application/problem+json');
    expect(r.body).toMatchObject({ status: 422, title: 'Nope', instance: '/things/1', errors: [{ field: 'lines[0].sku' }] });
  });

  it("maps Nest's own HTTP errors to problem details", () => {
    expect(respond(new NotFoundException('Cannot GET /x')).body).toMatchObject({ status: 404, title: 'Not found', detail: 'Cannot GET /x' });
    expect(respond(new BadRequestException('Unexpected end of JSON input')).body?.detail).toMatch(/not valid JSON/);
  });

  it('answers anything unexpected with a 500 that carries a logged error id and no internals', () => {
    const r = respond(new Error('relation "supplier.secret_table" does not exist'));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain('secret_table');
    expect(r.body?.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.logged.mock.calls[0][0]).toContain(r.body?.errorId);
  });

  it('answers PostgreSQL or Temporal out of reach with a 503 naming which, with Retry-After and no internals', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' });
    const db = respond(refused);
    expect(db.status).toBe(503);
    expect(db.headers['Retry-After']).toBe('5');
    expect(db.body).toMatchObject({ type: 'urn:tradelane:problem:dependency-unavailable', status: 503, dependency: 'database', instance: '/things/1' });
    expect(JSON.stringify(db.body)).not.toContain('10.0.0.7');
    const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established', metadata: {} });
    expect(respond(new Error('Failed to start Workflow', { cause: grpc })).body).toMatchObject({ status: 503, dependency: 'temporal' });
  });
});

describe('flattenValidationErrors', () => {
  it('names nested and indexed fields the way a client wrote them', () => {
    const fields = flattenValidationErrors([
      {
        property: 'lines',
        children: [{ property: '1', children: [{ property: 'quantity', constraints: { min: 'quantity must not be less than 1' }, children: [] }] }],
      },
      { property: 'shipTo', children: [{ property: 'city', constraints: { isString: 'city must be a string' }, children: [] }] },
    ]);
    expect(fields).toEqual([
      { field: 'lines[1].quantity', message: 'quantity must not be less than 1' },
      { field: 'shipTo.city', message: 'city must be a string' },
    ]);
  });
});
