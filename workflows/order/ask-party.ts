import type { CompensationKind, MessageName, PartyRef, Reminder, Reply, WaitingFor } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { awaitParty } from './deadlines';
import type { OrderContext } from './order-context';
import type { Pending } from './order-state';

/** One message the order sends a party that may answer it now, later (a person), or never. */
export interface Ask<M, A> {
  party: PartyRef;
  name: Extract<MessageName, 'stock-inquiry' | 'shipping-inquiry' | 'transport-notice'>;
  message: M;
  subjectId: string;
  /** where the order keeps it open for the party's answer (an update) */
  open: Map<string, Pending<M, A>>;
  /** registered before the message is sent, so an undo never misses one in flight */
  undo: { kind: CompensationKind; run: (reason: string) => Promise<unknown> };
  send: (message: M) => Promise<Reply<A>>;
  /** what the buyer and an auditor read while the order waits, e.g. "stock answer from acme-steel" */
  what: string;
  waitingFor: (deadline: string) => WaitingFor;
  reminder: Reminder['waitingFor'];
  remind: (reminder: Reminder) => Promise<void>;
}

export interface Exchange<M, A> {
  pending: Pending<M, A>;
  /** the undo registered for the message */
  compensationId: string;
  answered: boolean;
  /** why the party declined at once, when it did */
  declined?: string;
}

/**
 * Sends the message (logged first) and waits for the answer under the party's terms: at once when
 * the party answers automatically, else until a person's answer, the deadline or its escalation.
 */
export async function askParty<M, A>(ctx: OrderContext, ask: Ask<M, A>): Promise<Exchange<M, A>> {
  const terms = await ctx.termsOf(ask.party);
  const pending: Pending<M, A> = { message: ask.message };
  ask.open.set(ask.subjectId, pending);
  const compensationId = ctx.compensations.register({ ...ask.undo, party: ask.party, subjectId: ask.subjectId });
  await ctx.log.record(ask.name, DISTRIBUTOR, ask.party, ask.message);
  const reply = await ask.send(ask.message);
  if (reply.mode === 'declined') return { pending, compensationId, answered: false, declined: reply.reason };
  if (reply.mode === 'automatic') pending.answer ??= reply.answer;
  const answered = await awaitParty(ctx, {
    what: ask.what,
    terms,
    answered: () => pending.answer !== undefined,
    waitingFor: ask.waitingFor,
    reminder: (deadline) => ({ orderId: ctx.order.orderId, subjectId: ask.subjectId, waitingFor: ask.reminder, deadline }),
    remind: ask.remind,
  });
  return { pending, compensationId, answered };
}

/** A party that declined at once is escalated from like one whose deadline passed. */
export function escalateDeclined(ctx: OrderContext, party: PartyRef, what: string, reason: string): Promise<void> {
  return ctx.log.record('escalation', DISTRIBUTOR, party, { what, reason, action: 'next-candidate' });
}
