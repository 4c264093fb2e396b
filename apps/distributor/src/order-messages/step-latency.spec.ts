import type { PartyRef } from '@tradelane/contracts';
import { stepLatencies, subjectOf, type AnswerFacts, type LogEntryFacts } from './step-latency';

const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 8, 0, 0) + seconds * 1000);
const acme: PartyRef = { role: 'supplier', id: 'acme-steel' };
const rhein: PartyRef = { role: 'carrier', id: 'rhein-freight' };
const buyer: PartyRef = { role: 'buyer', id: 'muster-maschinenbau' };
const gateway: PartyRef = { role: 'payment-gateway', id: 'tradelane-pay' };

describe('a party’s response time, from the message to its answer', () => {
  const earlier: LogEntryFacts[] = [
    { seq: 2, name: 'stock-inquiry', sentAt: at(0), subjectId: 'si-1' },
    { seq: 3, name: 'stock-inquiry', sentAt: at(5), subjectId: 'si-2' },
    { seq: 6, name: 'shipping-inquiry', sentAt: at(100), subjectId: 'sh-1' },
    { seq: 8, name: 'escalation', sentAt: at(200), action: 'next-candidate' },
    { seq: 9, name: 'escalation', sentAt: at(300), action: 'ask-buyer' },
    { seq: 11, name: 'order-confirmation', sentAt: at(400) },
    { seq: 12, name: 'transport-notice', sentAt: at(410), subjectId: 'tn-1' },
    { seq: 14, name: 'payment-notice', sentAt: at(1000) },
  ];

  it('pairs each answer with what it answers: by inquiry or notice, else the latest message of its kind', () => {
    const answers: AnswerFacts[] = [
      { seq: 4, name: 'stock-answer', sender: acme, sentAt: at(65), subjectId: 'si-2' },
      { seq: 7, name: 'shipping-quote', sender: rhein, sentAt: at(130), subjectId: 'sh-1' },
      { seq: 10, name: 'buyer-decision', sender: buyer, sentAt: at(360) },
      { seq: 13, name: 'transport-acceptance', sender: rhein, sentAt: at(470), subjectId: 'tn-1' },
      { seq: 14, name: 'payment-notice', sender: buyer, sentAt: at(1000) },
      { seq: 15, name: 'transfer-notice', sender: gateway, sentAt: at(1002) },
    ];
    expect(stepLatencies(answers, earlier)).toEqual([
      { step: 'stock-answer', party: acme, seconds: 60 },
      { step: 'shipping-quote', party: rhein, seconds: 30 },
      { step: 'buyer-decision', party: buyer, seconds: 60 },
      { step: 'transport-acceptance', party: rhein, seconds: 60 },
      { step: 'payment', party: buyer, seconds: 600 },
      { step: 'transfer-notice', party: gateway, seconds: 2 },
    ]);
  });

  it('leaves out an answer to nothing logged before it, and entries that answer nothing', () => {
    expect(
      stepLatencies(
        [
          { seq: 1, name: 'stock-answer', sender: acme, sentAt: at(10), subjectId: 'si-1' },
          { seq: 20, name: 'stock-answer', sender: acme, sentAt: at(10), subjectId: 'si-unknown' },
          { seq: 21, name: 'reminder', sender: acme, sentAt: at(10) },
        ],
        earlier,
      ),
    ).toEqual([]);
  });

  it('reads the subject from a payload: a notice by its notice id, an inquiry or its answer by the inquiry id', () => {
    expect(subjectOf({ noticeId: 'tn-1', inquiryId: 'sh-1' })).toEqual({ subjectId: 'tn-1' });
    expect(subjectOf({ inquiryId: 'si-1' })).toEqual({ subjectId: 'si-1' });
    expect(subjectOf({ action: 'ask-buyer' })).toEqual({ action: 'ask-buyer' });
    expect(subjectOf(null)).toEqual({});
  });
});
