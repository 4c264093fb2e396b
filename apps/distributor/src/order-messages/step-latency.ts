import type { MessageName, OrderEventName, PartyRef } from '@tradelane/contracts';

/** What of a log entry it takes to pair an answer with the message it answers. */
export interface LogEntryFacts {
  seq: number;
  name: MessageName | OrderEventName;
  sentAt: Date;
  /** the inquiry or notice the entry is about, where it names one */
  subjectId?: string;
  /** an escalation's action */
  action?: string;
}

interface AnswerRule {
  /** the step label: what the order waited for */
  step: string;
  answer: MessageName | OrderEventName;
  request: MessageName | OrderEventName;
  /** the answer names the request it answers (inquiry or notice id) */
  bySubject?: boolean;
  requestAction?: string;
}

/**
 * The exchanges whose time from the message to its answer says how fast a party answers: a
 * supplier's stock answer (2 → 3), a carrier's quote (4 → 5) and acceptance (7), the buyer's
 * payment after the confirmation (6 → 7), the gateway's transfer notice after the payment
 * (7 → 8), the buyer's decision on a late party.
 */
const ANSWERS: AnswerRule[] = [
  { step: 'stock-answer', answer: 'stock-answer', request: 'stock-inquiry', bySubject: true },
  { step: 'shipping-quote', answer: 'shipping-quote', request: 'shipping-inquiry', bySubject: true },
  { step: 'transport-acceptance', answer: 'transport-acceptance', request: 'transport-notice', bySubject: true },
  { step: 'payment', answer: 'payment-notice', request: 'order-confirmation' },
  { step: 'transfer-notice', answer: 'transfer-notice', request: 'payment-notice' },
  { step: 'buyer-decision', answer: 'buyer-decision', request: 'escalation', requestAction: 'ask-buyer' },
];

/** The names of the entries that answers are paired with. */
export const ANSWERED_NAMES = [...new Set(ANSWERS.map((a) => a.request))];

export function isAnswer(name: string): boolean {
  return ANSWERS.some((a) => a.answer === name);
}

/** An answer: who sent it is whose response time it shows. */
export type AnswerFacts = LogEntryFacts & { sender: PartyRef };

export interface StepLatency {
  step: string;
  party: PartyRef;
  seconds: number;
}

/** Pairs each answer with the latest entry before it that it answers; an answer without one is left out. */
export function stepLatencies(answers: AnswerFacts[], earlier: LogEntryFacts[]): StepLatency[] {
  const out: StepLatency[] = [];
  for (const answer of answers) {
    const rule = ANSWERS.find((a) => a.answer === answer.name);
    if (!rule) continue;
    let request: LogEntryFacts | undefined;
    for (const entry of earlier) {
      if (entry.name !== rule.request || entry.seq >= answer.seq) continue;
      if (rule.bySubject && entry.subjectId !== answer.subjectId) continue;
      if (rule.requestAction && entry.action !== rule.requestAction) continue;
      if (!request || entry.seq > request.seq) request = entry;
    }
    if (!request) continue;
    const seconds = (answer.sentAt.getTime() - request.sentAt.getTime()) / 1000;
    if (seconds >= 0) out.push({ step: rule.step, party: answer.sender, seconds });
  }
  return out;
}

/** The facts of an entry from its payload: the subject an inquiry, a notice or its answer names. */
export function subjectOf(payload: unknown): { subjectId?: string; action?: string } {
  const p = (payload ?? {}) as { inquiryId?: unknown; noticeId?: unknown; action?: unknown };
  const subject = typeof p.noticeId === 'string' ? p.noticeId : typeof p.inquiryId === 'string' ? p.inquiryId : undefined;
  return {
    ...(subject !== undefined ? { subjectId: subject } : {}),
    ...(typeof p.action === 'string' ? { action: p.action } : {}),
  };
}
