import { uuid4 } from '@temporalio/workflow';
import type { PartyRef, SourcedLine, StockAnswer, StockInquiry } from '../../libs/contracts/src';
import { DISTRIBUTOR } from '../../libs/contracts/src';
import { askParty, escalateDeclined } from './ask-party';
import type { OrderContext } from './order-context';
import { OrderCancelled } from './order-state';

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
  const supplier = ctx.parties.supplier;
  const asked = await askParty(ctx, {
    party,
    name: 'stock-inquiry',
    message: inquiry,
    subjectId: inquiry.inquiryId,
    open: ctx.state.stockInquiries,
    undo: { kind: 'withdraw-stock-inquiry', run: (reason) => supplier.undo.withdrawStockInquiry(inquiry.inquiryId, reason) },
    send: (m) => supplier.forward.receiveStockInquiry(m),
    what: `stock answer from ${supplierId}`,
    waitingFor: (deadline) => ({ kind: 'stock-answer', supplierId, inquiryId: inquiry.inquiryId, deadline }),
    reminder: 'stock-answer',
    remind: (reminder) => supplier.forward.remind(reminder),
  });
  if (!asked.answered) {
    asked.pending.closed = true;
    const reason = asked.declined !== undefined ? `declined: ${asked.declined}` : 'no answer by the deadline';
    if (asked.declined !== undefined) await escalateDeclined(ctx, party, `stock inquiry to ${supplierId}`, reason);
    await ctx.compensations.runNow(asked.compensationId, reason);
    return undefined;
  }
  await ctx.log.record('stock-answer', party, DISTRIBUTOR, asked.pending.answer);
  return asked.pending.answer;
}
