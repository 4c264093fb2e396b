import { payloadDigest } from '../order-messages/order-log-hash';
import { timelineCsv, timelineEntry } from './timeline';

const at = '2026-11-25T10:00:00.000Z';

describe('timeline entries', () => {
  it('names the person who acted, and no person for an automatic answer', () => {
    const answer = {
      seq: 5,
      sentAt: at,
      step: 3,
      name: 'stock-answer',
      sender: { role: 'supplier', id: 'acme-steel' },
      receiver: { role: 'distributor', id: 'tradelane' },
      payload: { answeredBy: 'clerk.anna', lines: [{ quantityCommitted: 400 }, { quantityCommitted: 0 }] },
    };
    expect(timelineEntry(answer)).toEqual({
      seq: 5,
      at,
      step: 3,
      kind: 'message',
      name: 'stock-answer',
      actor: { role: 'supplier', id: 'acme-steel', person: 'clerk.anna' },
      to: { role: 'distributor', id: 'tradelane' },
      digest: payloadDigest(answer.payload),
      summary: 'stock answer: 2 lines, 400 committed',
      coveredBy: [],
    });
    expect(timelineEntry({ ...answer, payload: { ...answer.payload, answeredBy: 'automatic' } }).actor).toEqual({
      role: 'supplier',
      id: 'acme-steel',
    });
  });

  it('makes an entry without a step an event', () => {
    const cancel = timelineEntry({
      seq: 9,
      sentAt: at,
      step: null,
      name: 'cancellation',
      sender: { role: 'buyer', id: 'muster-maschinenbau' },
      receiver: { role: 'distributor', id: 'tradelane' },
      payload: { reason: 'not needed', requestedBy: 'maria', at },
    });
    expect(cancel).toMatchObject({ kind: 'event', actor: { person: 'maria' }, summary: 'cancellation: not needed' });
  });

  it("names the token's actor of every kind of answer, and a carrier's rejection in the rebooking it set off", () => {
    const entry = (name: string, payload: Record<string, unknown>) =>
      timelineEntry({
        seq: 1,
        sentAt: at,
        step: null,
        name,
        sender: { role: 'carrier', id: 'rhein-freight' },
        receiver: { role: 'distributor', id: 'tradelane' },
        payload,
      });
    const people: Array<[string, Record<string, unknown>, string]> = [
      ['purchase-order', { lines: [], wantedBy: '2026-12-31', submittedBy: 'clerk@muster.example' }, 'clerk@muster.example'],
      ['shipping-quote', { quotedBy: 'desk@rhein.example' }, 'desk@rhein.example'],
      ['transport-acceptance', { acceptedBy: 'api-key:console' }, 'api-key:console'],
      ['payment-notice', { paidBy: 'jonas@muster.example' }, 'jonas@muster.example'],
      ['buyer-decision', { decision: 'wait', decidedBy: 'maria@muster.example' }, 'maria@muster.example'],
      ['compensation-resolved', { resolution: 'retry', resolvedBy: 'ops@tradelane.example' }, 'ops@tradelane.example'],
    ];
    for (const [name, payload, person] of people) expect(entry(name, payload).actor.person).toBe(person);
    const rebooking = entry('rebooking', { origin: 'DE-HAM', from: 'rhein-freight', to: 'baltic-lines', reason: 'rejected by desk@rhein.example: no truck free' });
    expect(rebooking.actor.person).toBeUndefined();
    expect(rebooking.summary).toBe('rebooking from DE-HAM: rhein-freight → baltic-lines (rejected by desk@rhein.example: no truck free)');
    const undo = entry('compensation', { kind: 'cancel-transport', subjectId: 'n-1', reason: 'order cancelled by the buyer (maria@muster.example): not needed' });
    expect(undo.summary).toBe('compensation cancel-transport of n-1 (order cancelled by the buyer (maria@muster.example): not needed)');
  });
});

describe('timeline CSV', () => {
  it('quotes fields with commas, quotes and line breaks and leaves others bare', () => {
    const entry = timelineEntry(
      {
        seq: 1,
        sentAt: at,
        step: null,
        name: 'cancellation',
        sender: { role: 'distributor', id: 'tradelane' },
        receiver: { role: 'buyer', id: 'muster' },
        payload: { reason: 'said "no", then\nleft' },
      },
      ['history', 'checkpoint:17'],
    );
    const [header, row, end, ...rest] = timelineCsv([entry]).split('\r\n');
    expect(header).toBe('seq,at,step,kind,name,actorRole,actorId,actorPerson,toRole,toId,digest,summary,coveredBy');
    expect(row).toBe(`1,${at},,event,cancellation,distributor,tradelane,,buyer,muster,${entry.digest},"cancellation: said ""no"", then\nleft",history checkpoint:17`);
    expect([end, ...rest]).toEqual(['']); // each row ends with CRLF
  });
});
