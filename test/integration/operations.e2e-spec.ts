import { randomUUID } from 'node:crypto';
import { DistributorActivities } from '../../apps/distributor/src/activities/distributor.activities';
import { startStack, type Stack } from '../support/stack';

/** What operators use: party terms, and compensations that could not succeed on their own. */
describe('operations on the distributor', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("sets a party's terms, and refuses terms that make no sense", async () => {
    const http = stack.as('tradelane-ops').distributor;
    await http.put('/party-terms/supplier/acme-steel').send({ answerWithinSeconds: 3600, remindBeforeSeconds: 600, onDeadline: 'ask-buyer' }).expect(200);
    const listed = await http.get('/party-terms').expect(200);
    expect(listed.body).toContainEqual({ role: 'supplier', partyId: 'acme-steel', answerWithinSeconds: 3600, remindBeforeSeconds: 600, onDeadline: 'ask-buyer' });
    expect(listed.body).toContainEqual(expect.objectContaining({ role: 'supplier', partyId: '*', onDeadline: 'next-candidate' }));

    const late = await http.put('/party-terms/carrier/*').send({ answerWithinSeconds: 60, remindBeforeSeconds: 60, onDeadline: 'cancel' }).expect(422);
    expect(late.body.errors).toEqual([expect.objectContaining({ field: 'remindBeforeSeconds' })]);
    const unknown = await http.put('/party-terms/carrier/*').send({ answerWithinSeconds: 60, remindBeforeSeconds: 0, onDeadline: 'shrug' }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'onDeadline' })]);
    await http.put('/party-terms/auditor/x').send({ answerWithinSeconds: 60, remindBeforeSeconds: 0, onDeadline: 'cancel' }).expect(400);
  });

  it('lists stuck compensations, and takes a resolution only for an order that waits for one', async () => {
    const orderId = randomUUID();
    await stack.apps.distributor.get(DistributorActivities).reportStuckCompensation({
      orderId,
      compensationId: 'refund-payment:x',
      kind: 'refund-payment',
      party: { role: 'payment-gateway', id: 'tradelane-pay' },
      subjectId: orderId,
      error: 'account closed',
      stuckAt: new Date().toISOString(),
    });
    const open = await stack.as('tradelane-ops').distributor.get('/operations/stuck-compensations').query({ status: 'open' }).expect(200);
    expect(open.body).toEqual([expect.objectContaining({ orderId, compensationId: 'refund-payment:x', error: 'account closed', status: 'open' })]);

    const resolve = (compensationId: string, body: object) =>
      stack.as('tradelane-ops').distributor.post(`/operations/stuck-compensations/${orderId}/${compensationId}/resolve`).send(body);
    const bad = await resolve('refund-payment:x', { resolution: 'ignore' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'resolution' })]);
    await resolve('nothing-here', { resolution: 'retry' }).expect(404);
    // It was reported by hand here: no order workflow waits for it, so there is nothing to resolve.
    const refused = await resolve('refund-payment:x', { resolution: 'resolved-manually' }).expect(404);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
  });
});
