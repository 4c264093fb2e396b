import { describe, expect, it } from 'vitest';
import { buildStockAnswer, byDeadlineNewestFirst } from './answer-lines';

const lines = [
  { lineNo: 1, sku: 'BOLT-M8', quantity: 400 },
  { lineNo: 2, sku: 'NUT-M8', quantity: 100 },
  { lineNo: 3, sku: 'BEAM-200', quantity: 10 },
];

describe('the stock answer', () => {
  it('commits all, part or none per line', () => {
    expect(buildStockAnswer(lines, { 2: { commitment: 'part', quantity: '60' }, 3: { commitment: 'none', quantity: '' } })).toEqual({
      lines: [
        { lineNo: 1, quantityCommitted: 400 },
        { lineNo: 2, quantityCommitted: 60 },
        { lineNo: 3, quantityCommitted: 0 },
      ],
    });
  });
  it('refuses a part that is not less than asked', () => {
    expect(buildStockAnswer(lines, { 2: { commitment: 'part', quantity: '100' } })).toEqual({ problem: 'Quantity committed for NUT-M8: a whole number from 1 to 99' });
  });
  it('lists the newest deadline first', () => {
    const inbox = [
      { id: 'a', answerDeadline: '2030-01-01T00:00:00Z', receivedAt: '1' },
      { id: 'b', answerDeadline: null, receivedAt: '2' },
      { id: 'c', answerDeadline: '2030-02-01T00:00:00Z', receivedAt: '3' },
    ];
    expect(byDeadlineNewestFirst(inbox).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});
