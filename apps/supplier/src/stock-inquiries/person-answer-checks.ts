import type { InquiryLine } from '@tradelane/contracts';
import type { FieldProblem } from '@tradelane/platform';
import { withinCeiling, type OfferedStock, type PersonLineAnswer } from './stock-answer';

export interface PersonLine extends PersonLineAnswer {
  lineNo: number;
}

/**
 * Checks a person's answer against what was asked and what the supplier can hold: each line
 * answered once, no more than asked, no more than available (lines of one SKU share its units),
 * no unit price above the buyer's ceiling. Each problem names the field a person has to change.
 */
export function checkPersonAnswer(
  inquiry: { currency: string; lines: InquiryLine[] },
  lines: PersonLine[],
  stock: ReadonlyMap<string, OfferedStock>,
): { given: Map<number, PersonLineAnswer>; problems: FieldProblem[] } {
  const asked = new Map(inquiry.lines.map((l) => [l.lineNo, l]));
  const given = new Map<number, PersonLineAnswer>();
  const problems: FieldProblem[] = [];
  const committedSoFar = new Map<string, number>();
  lines.forEach((line, i) => {
    const want = asked.get(line.lineNo);
    if (!want) {
      problems.push({ field: `lines[${i}].lineNo`, message: `line ${line.lineNo} was not asked` });
      return;
    }
    if (given.has(line.lineNo)) {
      problems.push({ field: `lines[${i}].lineNo`, message: `line ${line.lineNo} answered twice` });
      return;
    }
    given.set(line.lineNo, line);
    if (line.quantityCommitted === 0) return;
    if (line.quantityCommitted > want.quantity) {
      problems.push({ field: `lines[${i}].quantityCommitted`, message: `${line.quantityCommitted} is more than the ${want.quantity} asked` });
      return;
    }
    const item = stock.get(want.sku);
    const catalogue = item && item.currency === inquiry.currency ? item.unitPriceMinor : undefined;
    const price = line.unitPriceMinor ?? catalogue ?? 0;
    if (item && catalogue === undefined && line.unitPriceMinor === undefined) {
      problems.push({
        field: `lines[${i}].unitPriceMinor`,
        message: `the catalogue has no price for ${want.sku} in ${inquiry.currency}; give a unit price`,
      });
    } else if (!withinCeiling(price, want)) {
      const whose = line.unitPriceMinor === undefined ? 'the catalogue price' : 'unit price';
      problems.push({
        field: `lines[${i}].unitPriceMinor`,
        message: `${whose} ${price} is above the buyer's ceiling of ${want.priceCeilingMinor}; commit 0 or give a price within it`,
      });
    }
    const before = committedSoFar.get(want.sku) ?? 0;
    const left = Math.max(0, (item?.available ?? 0) - before);
    if (line.quantityCommitted > left) {
      problems.push({ field: `lines[${i}].quantityCommitted`, message: `${line.quantityCommitted} is more than the ${left} of ${want.sku} available` });
    }
    committedSoFar.set(want.sku, before + line.quantityCommitted);
  });
  for (const lineNo of asked.keys()) {
    if (!given.has(lineNo)) problems.push({ field: 'lines', message: `line ${lineNo} has no answer` });
  }
  return { given, problems };
}
