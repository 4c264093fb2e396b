import { FaultDecider, FaultPlanError, parseFaultAction, parseFaultPlan, pointMatches } from './fault-plan';

describe('parseFaultAction', () => {
  it.each([
    ['hold', { kind: 'hold' }],
    ['reset', { kind: 'reset' }],
    ['delay:250', { kind: 'delay', ms: 250 }],
    ['error:503', { kind: 'error', status: 503 }],
    ['error:timeout', { kind: 'timeout' }],
    ['error:reset', { kind: 'reset' }],
  ])('reads %s', (spec, action) => expect(parseFaultAction(spec)).toEqual(action));

  it.each(['', 'crash', 'delay', 'delay:-1', 'delay:1.5', 'error:200', 'error:600', 'error:teapot', 'hold:5', 'error:503:x'])(
    'refuses %j',
    (spec) => expect(() => parseFaultAction(spec)).toThrow(FaultPlanError),
  );
});

describe('parseFaultPlan', () => {
  it('reads rules with counts, an end time and ids', () => {
    const rules = parseFaultPlan(
      JSON.stringify({
        rules: [
          { point: 'activity:receiveStockInquiry', fault: 'hold', count: 1, id: 'r1' },
          { point: 'http:POST /stock-inquiries/:inquiryId/answer', fault: 'error:503', until: '2030-01-01T00:00:00Z' },
        ],
      }),
    );
    expect(rules).toEqual([
      { point: 'activity:receiveStockInquiry', action: { kind: 'hold' }, count: 1, id: 'r1' },
      {
        point: 'http:POST /stock-inquiries/:inquiryId/answer',
        action: { kind: 'error', status: 503 },
        until: Date.parse('2030-01-01T00:00:00Z'),
        id: 'http:POST /stock-inquiries/:inquiryId/answer error:503 1',
      },
    ]);
  });

  it('reads the exit points, after the work and before its result leaves', () => {
    const points = ['activity-exit:recordMessages', 'http-exit:POST /orders/:id/payment-notice', 'webhook-exit:transfer-notice'];
    expect(parseFaultPlan(JSON.stringify({ rules: points.map((point) => ({ point, fault: 'hold' })) })).map((r) => r.point)).toEqual(points);
  });

  it('takes an empty file as no rules', () => expect(parseFaultPlan('  \n')).toEqual([]));

  it.each([
    ['not JSON', '{', /not JSON/],
    ['no rules array', '{}', /"rules" array/],
    ['a point of no kind', '{"rules":[{"point":"db:x","fault":"hold"}]}', /rule 1: point/],
    ['a bad count', '{"rules":[{"point":"activity:a","fault":"hold","count":0}]}', /rule 1: count/],
    ['a bad end time', '{"rules":[{"point":"activity:a","fault":"hold","until":"soon"}]}', /rule 1: until/],
    ['a bad fault', '{"rules":[{"point":"webhook:transfer-notice","fault":"explode"}]}', /unknown kind/],
  ])('refuses %s', (_what, text, message) => expect(() => parseFaultPlan(text)).toThrow(message));
});

describe('pointMatches', () => {
  it.each([
    ['activity:receiveStockInquiry', 'activity:receiveStockInquiry', true],
    ['activity:receiveStockInquiry', 'activity:receiveShippingInquiry', false],
    ['activity:*', 'activity:remind', true],
    ['activity:*', 'http:GET /health', false],
    ['activity:*', 'activity-exit:remind', false],
    ['http:POST /stock-inquiries/:id/answer', 'http:POST /stock-inquiries/5f0c/answer', true],
    ['http:POST /stock-inquiries/:id/answer', 'http:POST /stock-inquiries/5f0c/extra/answer', false],
    ['http:POST /stock-inquiries/:id/answer', 'http:GET /stock-inquiries/5f0c/answer', false],
    ['http:* /transfer-notices', 'http:POST /transfer-notices', true],
    ['http:POST /transfer-notices', 'http:POST /transfer-notices/x', false],
    ['http:GET /a.b', 'http:GET /aXb', false],
  ])('%s against %s: %s', (pattern, point, expected) => expect(pointMatches(pattern, point)).toBe(expected));
});

describe('FaultDecider', () => {
  const rules = parseFaultPlan(
    JSON.stringify({
      rules: [
        { point: 'activity:receivePaymentNotice', fault: 'error:503', count: 2, id: 'twice' },
        { point: 'activity:receivePaymentNotice', fault: 'delay:10', until: 1000, id: 'early' },
        { point: 'webhook:transfer-notice', fault: 'reset' },
      ],
    }),
  );

  it('applies a counted rule that many times, then the next rule that matches, until its end time', () => {
    const decider = new FaultDecider();
    const ids = [500, 600, 700, 1700].map((at) => decider.decide(rules, 'activity:receivePaymentNotice', at)?.id);
    expect(ids).toEqual(['twice', 'twice', 'early', undefined]);
  });

  it('leaves points no rule names alone, and applies an unlimited rule every time', () => {
    const decider = new FaultDecider();
    expect(decider.decide(rules, 'activity:refundPayment', 0)).toBeUndefined();
    for (let i = 0; i < 5; i++) expect(decider.decide(rules, 'webhook:transfer-notice', 0)?.action).toEqual({ kind: 'reset' });
  });

  it('starts a count over for a rule written again under a new id', () => {
    const decider = new FaultDecider();
    const once = parseFaultPlan('{"rules":[{"point":"activity:a","fault":"hold","count":1,"id":"first"}]}');
    expect(decider.decide(once, 'activity:a', 0)).toBeDefined();
    expect(decider.decide(once, 'activity:a', 0)).toBeUndefined();
    const again = parseFaultPlan('{"rules":[{"point":"activity:a","fault":"hold","count":1,"id":"second"}]}');
    expect(decider.decide(again, 'activity:a', 0)?.id).toBe('second');
  });
});
