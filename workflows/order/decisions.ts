import type {
  ConfirmedLine,
  Freight,
  InquiryLine,
  Location,
  OrderConfirmation,
  PartialFill,
  PurchaseOrder,
  PurchaseOrderLine,
  ShippingQuote,
  StockAnswer,
} from '../../libs/contracts/src';
import { addMoney, money, multiplyMoney } from '../../libs/contracts/src';

/**
 * Pure decisions of the order workflow, kept apart so they can be unit tested
 * without a server. Everything here must stay deterministic.
 */

/** Lines of the order against what the suppliers committed; `committed` is 0 for a line nobody could source. */
export function findShortLines(order: PurchaseOrder, answers: StockAnswer[]): PartialFill['shortLines'] {
  const committed = new Map<number, number>();
  for (const answer of answers) {
    for (const line of answer.lines) {
      if (line.available) committed.set(line.lineNo, (committed.get(line.lineNo) ?? 0) + line.quantityCommitted);
    }
  }
  return order.lines
    .map((line) => ({ lineNo: line.lineNo, sku: line.sku, asked: line.quantity, committed: committed.get(line.lineNo) ?? 0 }))
    .filter((l) => l.committed < l.asked);
}

/** What a back-order asks for: the part of each short line that nobody committed. */
export function remainderLines(order: PurchaseOrder, shortLines: PartialFill['shortLines']): PurchaseOrderLine[] {
  const byLine = new Map(order.lines.map((l) => [l.lineNo, l]));
  return shortLines.map((s) => {
    const line = byLine.get(s.lineNo)!;
    return {
      lineNo: s.lineNo,
      sku: s.sku,
      quantity: s.asked - s.committed,
      ...(line.priceCeilingMinor !== undefined ? { priceCeilingMinor: line.priceCeilingMinor } : {}),
    };
  });
}

/** Only lines with something committed travel on to shipping, confirmation and dispatch. */
export function committedOnly(answers: StockAnswer[]): StockAnswer[] {
  return answers
    .map((a) => ({ ...a, lines: a.lines.filter((l) => l.available && l.quantityCommitted > 0) }))
    .filter((a) => a.lines.length > 0);
}

export interface Shipment {
  origin: Location;
  lines: InquiryLine[];
  weightGrams: number;
  readyDate: string;
}

/** One shipment per origin: lines shipping from the same place travel together. */
export function groupByOrigin(answers: StockAnswer[], unitWeightGrams: Record<string, number>): Shipment[] {
  const byOrigin = new Map<string, Shipment>();
  for (const answer of answers) {
    for (const line of answer.lines) {
      const key = line.shipFrom.code;
      const shipment = byOrigin.get(key) ?? {
        origin: line.shipFrom,
        lines: [],
        weightGrams: 0,
        readyDate: line.readyDate,
      };
      shipment.lines.push({ lineNo: line.lineNo, sku: line.sku, quantity: line.quantityCommitted });
      shipment.weightGrams += (unitWeightGrams[line.sku] ?? 0) * line.quantityCommitted;
      if (line.readyDate > shipment.readyDate) shipment.readyDate = line.readyDate;
      byOrigin.set(key, shipment);
    }
  }
  return [...byOrigin.values()].sort((a, b) => a.origin.code.localeCompare(b.origin.code));
}

/**
 * Quotes that can deliver by the wanted-by date, best first: cheapest, then earliest delivery,
 * then the carrier's place in the distributor's preference.
 */
export function rankQuotes(quotes: ShippingQuote[], wantedBy: string, preference: string[]): ShippingQuote[] {
  return quotes
    .filter((q) => q.deliveryDate <= wantedBy)
    .sort(
      (a, b) =>
        a.price.amountMinor - b.price.amountMinor ||
        a.deliveryDate.localeCompare(b.deliveryDate) ||
        preference.indexOf(a.carrierId) - preference.indexOf(b.carrierId),
    );
}

export function buildConfirmation(
  order: PurchaseOrder,
  answers: StockAnswer[],
  quotes: { originCode: string; quote: ShippingQuote }[],
  confirmedAt: string,
): OrderConfirmation {
  const lines: ConfirmedLine[] = [];
  for (const answer of answers) {
    for (const line of answer.lines) {
      lines.push({
        lineNo: line.lineNo,
        sku: line.sku,
        quantity: line.quantityCommitted,
        unitPriceMinor: line.unitPriceMinor,
        lineTotalMinor: multiplyMoney(money(line.unitPriceMinor, order.currency), line.quantityCommitted).amountMinor,
        supplierId: answer.supplierId,
        shipFrom: line.shipFrom.code,
      });
    }
  }
  lines.sort((a, b) => a.lineNo - b.lineNo);
  const freight: Freight[] = quotes.map(({ originCode, quote }) => ({
    carrierId: quote.carrierId,
    origin: originCode,
    price: quote.price,
    pickupDate: quote.pickupDate,
    deliveryDate: quote.deliveryDate,
  }));
  const goods = lines.reduce((sum, l) => addMoney(sum, money(l.lineTotalMinor, order.currency)), money(0, order.currency));
  const amountDue = freight.reduce((sum, f) => addMoney(sum, f.price), goods);
  const deliveryDate = freight.map((f) => f.deliveryDate).sort().at(-1) ?? order.wantedBy;
  return {
    orderId: order.orderId,
    buyerId: order.buyerId,
    lines,
    freight,
    goods,
    amountDue,
    deliveryDate,
    confirmedAt,
  };
}

/** The lines of a stock answer must be exactly the lines asked, with sane quantities and prices. */
export function checkStockAnswer(asked: InquiryLine[], answer: StockAnswer): string | undefined {
  if (answer.lines.length !== asked.length) {
    return `answer has ${answer.lines.length} lines, inquiry asked ${asked.length}`;
  }
  const byLine = new Map(asked.map((l) => [l.lineNo, l]));
  const seen = new Set<number>();
  for (const line of answer.lines) {
    const want = byLine.get(line.lineNo);
    if (!want) return `line ${line.lineNo} was not asked`;
    if (seen.has(line.lineNo)) return `line ${line.lineNo} is answered twice`;
    seen.add(line.lineNo);
    if (want.sku !== line.sku) return `line ${line.lineNo} is ${want.sku}, not ${line.sku}`;
    if (!Number.isSafeInteger(line.quantityCommitted) || line.quantityCommitted < 0) {
      return `line ${line.lineNo}: committed quantity must be a non-negative integer`;
    }
    if (line.quantityCommitted > want.quantity) {
      return `line ${line.lineNo}: committed ${line.quantityCommitted}, more than the ${want.quantity} asked`;
    }
    if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0) {
      return `line ${line.lineNo}: unit price must be a non-negative integer of minor units`;
    }
    if (line.quantityCommitted > 0 && want.priceCeilingMinor !== undefined && line.unitPriceMinor > want.priceCeilingMinor) {
      return `line ${line.lineNo}: unit price ${line.unitPriceMinor} is above the buyer's ceiling ${want.priceCeilingMinor}`;
    }
  }
  return undefined;
}
