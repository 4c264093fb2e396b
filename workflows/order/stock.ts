import { uuid4 } from '@temporalio/workflow';
import type { PartyRef, SourcedLine, StockAnswer, StockInquiry } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { awaitParty } from './deadlines';
import { OrderCancelled, type OrderContext, type Pending } from './order-context';

interface LineToSource {
  line: SourcedLine;
  tried: string[];
}

/**
 * Steps 2 and 3: each line goes to its best supplier, one stock inquiry per supplier, all at once.
 * A supplier that declines or lets its deadline pass is withdrawn from, and its lines go to each
 * line's next candidate. Lines no supplier offers at all are left for the partial-fill policy.
 */
export async function sourceStock(ctx: OrderContext, lines: SourcedLine[]): Promise<StockAnswer[]> {
  const offered = lines.filter((l) => l.candidates.length > 0);
  return source(ctx, offered.map((line) => ({ line, tried: [] })));
}

async function source(ctx: OrderContext, lines: LineToSource[]): Promise<StockAnswer[]> {
  const bySupplier = new Map<string, LineToSource[]>();
  for (const l of lines) {
    const next = l.line.candidates.find((c) => !l.tried.includes(c));
    if (next === undefined) {
      throw new OrderCancelled(`no supplier left for line ${l.line.lineNo} (${l.line.sku}): ${l.tried.join(', ')} did not answer`);
    }
    const group = bySupplier.get(next) ?? [];
    group.push(l);
    bySupplier.set(next, group);
  }
  const rounds = await Promise.all(
    [...bySupplier.entries()].map(async ([supplierId, group]) => {
      const answer = await askSupplier(ctx, supplierId, group.map((g) => g.line));
      if (answer) return [answer];
      return source(ctx, group.map((g) => ({ line: g.line, tried: [...g.tried, supplierId] })));
    }),
  );
  return rounds.flat();
}

/** One stock inquiry; undefined when the supplier declined or its deadline passed. */
async function askSupplier(ctx: OrderContext, supplierId: string, lines: SourcedLine[]): Promise<StockAnswer | undefined> {
  const party: PartyRef = { role: 'supplier', id: supplierId };
  const terms = await ctx.termsOf(party);
  const inquiry: StockInquiry = {
    inquiryId: uuid4(),
    orderId: ctx.order.orderId,
    supplierId,
    currency: ctx.order.currency,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      quantity: l.quantity,
      ...(l.priceCeilingMinor !== undefined ? { priceCeilingMinor: l.priceCeilingMinor } : {}),
    })),
  };
  const pending: Pending<StockInquiry, StockAnswer> = { message: inquiry };
  ctx.stockInquiries.set(inquiry.inquiryId, pending);
  const withdrawal = ctx.compensations.register({
    kind: 'withdraw-stock-inquiry',
    party,
    subjectId: inquiry.inquiryId,
    run: (reason) => ctx.supplier.undo.withdrawStockInquiry(inquiry.inquiryId, reason),
  });
  await ctx.record('stock-inquiry', DISTRIBUTOR, party, inquiry);
  const reply = await ctx.supplier.forward.receiveStockInquiry(inquiry);
  if (reply.mode === 'automatic') pending.answer ??= reply.answer;
  const answered =
    reply.mode !== 'declined' &&
    (await awaitParty(ctx, {
      what: `stock answer from ${supplierId}`,
      terms,
      answered: () => pending.answer !== undefined,
      waitingFor: (deadline) => ({ kind: 'stock-answer', supplierId, inquiryId: inquiry.inquiryId, deadline }),
      reminder: (deadline) => ({ orderId: ctx.order.orderId, subjectId: inquiry.inquiryId, waitingFor: 'stock-answer', deadline }),
      remind: (reminder) => ctx.supplier.forward.remind(reminder),
    }));
  if (!answered) {
    pending.closed = true;
    const reason = reply.mode === 'declined' ? `declined: ${reply.reason}` : 'no answer by the deadline';
    if (reply.mode === 'declined') {
      await ctx.record('escalation', DISTRIBUTOR, party, { what: `stock inquiry to ${supplierId}`, reason, action: 'next-candidate' });
    }
    await ctx.compensations.runNow(withdrawal, reason);
    return undefined;
  }
  await ctx.record('stock-answer', party, DISTRIBUTOR, pending.answer);
  return pending.answer;
}
