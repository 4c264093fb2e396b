import type { InquiryLine } from '../api/types';

export type Commitment = 'all' | 'part' | 'none';

export interface LineAnswer {
  commitment: Commitment;
  quantity: string;
}

/** The body of POST /stock-inquiries/:id/answer: every asked line, with what is committed. */
export function buildStockAnswer(lines: InquiryLine[], answers: Record<number, LineAnswer>): { lines: { lineNo: number; quantityCommitted: number }[] } | { problem: string } {
  const out: { lineNo: number; quantityCommitted: number }[] = [];
  for (const line of lines) {
    const answer = answers[line.lineNo] ?? { commitment: 'all', quantity: '' };
    if (answer.commitment === 'all') out.push({ lineNo: line.lineNo, quantityCommitted: line.quantity });
    else if (answer.commitment === 'none') out.push({ lineNo: line.lineNo, quantityCommitted: 0 });
    else {
      const quantity = Number(answer.quantity);
      if (!/^\d+$/.test(answer.quantity.trim()) || quantity < 1 || quantity >= line.quantity) {
        return { problem: `Quantity committed for ${line.sku}: a whole number from 1 to ${line.quantity - 1}` };
      }
      out.push({ lineNo: line.lineNo, quantityCommitted: quantity });
    }
  }
  return { lines: out };
}

/** Newest deadline first, as the brief for the inbox asks; inquiries without one last. */
export function byDeadlineNewestFirst<T extends { answerDeadline: string | null; receivedAt: string }>(inquiries: T[]): T[] {
  return [...inquiries].sort((a, b) => (b.answerDeadline ?? '').localeCompare(a.answerDeadline ?? '') || b.receivedAt.localeCompare(a.receivedAt));
}
