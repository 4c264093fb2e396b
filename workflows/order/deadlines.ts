import { condition, patched } from '@temporalio/workflow';
import type { PartyTerms, Reminder, WaitingFor } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { isoAt, now } from './clock';
import type { OrderContext } from './order-context';
import { OrderCancelled } from './order-state';

export interface AwaitParty {
  /** what the buyer and an auditor read, e.g. "stock answer from acme-steel" */
  what: string;
  terms: PartyTerms;
  answered: () => boolean;
  waitingFor: (deadline: string) => WaitingFor;
  reminder: (deadline: string) => Reminder;
  remind: (reminder: Reminder) => Promise<void>;
}

/**
 * Waits for a party under its terms: a reminder before the deadline, then the escalation.
 * Returns true when answered, false when the deadline passed and the caller should turn to the
 * next candidate; throws OrderCancelled when the terms (or the buyer) say so.
 */
export async function awaitParty(ctx: OrderContext, w: AwaitParty): Promise<boolean> {
  if (w.answered()) return true;
  for (;;) {
    const deadlineAt = now() + w.terms.answerWithinMs;
    const deadline = isoAt(deadlineAt);
    const waiting = w.waitingFor(deadline);
    ctx.wait(waiting);
    try {
      const remindAt = deadlineAt - w.terms.remindBeforeMs;
      if (w.terms.remindBeforeMs > 0 && remindAt > now()) {
        if (await condition(w.answered, remindAt - now())) return true;
        const reminder = w.reminder(deadline);
        await ctx.log.record('reminder', DISTRIBUTOR, { role: w.terms.role, id: w.terms.partyId }, reminder);
        await w.remind(reminder);
      }
      const left = deadlineAt - now();
      if (left > 0 && (await condition(w.answered, left))) return true;
      // A timer and an answer can land in the same workflow task; the answer wins.
      if (w.answered()) return true;
    } finally {
      ctx.drop(waiting);
    }
    const party = { role: w.terms.role, id: w.terms.partyId };
    await ctx.log.record('escalation', DISTRIBUTOR, party, { what: w.what, deadline, action: w.terms.onDeadline });
    if (w.terms.onDeadline === 'next-candidate') return false;
    if (w.terms.onDeadline === 'cancel') throw new OrderCancelled(`no ${w.what} by ${deadline}`);
    if ((await askBuyer(ctx, `no ${w.what} by ${deadline}: wait another period, or cancel?`)) === 'cancel') {
      throw new OrderCancelled(`the buyer cancelled after no ${w.what} by ${deadline}`);
    }
  }
}

export const DECISION_LOGGED_ONCE_PATCH = 'buyer-decision-logged-once';

/** Puts a late party's deadline to the buyer; no decision within the buyer's own terms cancels. */
async function askBuyer(ctx: OrderContext, question: string): Promise<'wait' | 'cancel'> {
  const { state } = ctx;
  const round = ++state.buyerQuestions;
  const terms = await ctx.termsOf(state.buyerRef);
  const deadline = isoAt(now() + terms.answerWithinMs);
  const waiting: WaitingFor = { kind: 'buyer-decision', question, deadline };
  ctx.wait(waiting);
  const reminder: Reminder = { orderId: ctx.order.orderId, subjectId: ctx.order.orderId, waitingFor: 'buyer-decision', deadline };
  await ctx.log.record('escalation', DISTRIBUTOR, state.buyerRef, { question, deadline, action: 'ask-buyer' });
  await ctx.parties.buyer.forward.remind(reminder);
  try {
    const decided = await condition(() => (state.lastDecision?.round ?? 0) >= round, terms.answerWithinMs);
    if (!decided) return 'cancel';
    // One decision answers every question open when it came, and is one message of the buyer's.
    if (!patched(DECISION_LOGGED_ONCE_PATCH) || state.loggedDecision !== state.lastDecision) {
      state.loggedDecision = state.lastDecision;
      await ctx.log.record('buyer-decision', state.buyerRef, DISTRIBUTOR, state.lastDecision);
    }
    return state.lastDecision!.decision;
  } finally {
    ctx.drop(waiting);
  }
}
