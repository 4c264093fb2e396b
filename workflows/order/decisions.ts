import type {
  ConfirmedLine,
  Freight,
  InquiryLine,
  Location,
  OrderConfirmation,
  PurchaseOrder,
  ShippingQuote,
  StockAnswer,
} from '../../libs/contracts/src';
import { addMoney, money, multiplyMoney } from '../../libs/contracts/src';

/**
 * Pure decisions of the order workflow, kept apart so they can be unit tested
 * without a server. Everything here must stay deterministic.
 */

export interface Shortfall {
  lineNo: number;
  sku: string;
  reason: string;
}

/** Lines a supplier could not fill in full, or only above the buyer's price ceiling. */
export function findShortfalls(order: PurchaseOrder, answers: StockAnswer[]): Shortfall[] {
  const answered = new Map<number, StockAnswer['lines'][number]>();
  for (const answer of answers) {
    for (const line of answer.lines) answered.set(line.lineNo, line);
  }
  const shortfalls: Shortfall[] = [];
  for (const line of order.lines) {
    const got = answered.get(line.lineNo);
    if (!got || !got.available || got.quantityCommitted < line.quantity) {
      shortfalls.push({
        lineNo: line.lineNo,
        sku: line.sku,
        reason: `asked ${line.quantity}, committed ${got?.available ? got.quantityCommitted : 0}`,
      });
    } else if (line.priceCeilingMinor !== undefined && got.unitPriceMinor > line.priceCeilingMinor) {
      shortfalls.push({
        lineNo: line.lineNo,
        sku: line.sku,
        reason: `unit price ${got.unitPriceMinor} above ceiling ${line.priceCeilingMinor}`,
      });
    }
  }
  return shortfalls;
}

export interface Shipment {
  origin: Location;
  lines: InquiryLine[];
  weightGrams: number;
  readyDate: string;
}

/** One shipment per origin: lines shipping from the same place travel together. */
export function groupByOrigin(
  answers: StockAnswer[],
  unitWeightGrams: Record<string, number>,
): Shipment[] {
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

/** The lines of a stock answer must be exactly the lines asked, with sane quantities. */
export function checkStockAnswer(asked: InquiryLine[], answer: StockAnswer): string | undefined {
  if (answer.lines.length !== asked.length) {
    return `answer has ${answer.lines.length} lines, inquiry asked ${asked.length}`;
  }
  const byLine = new Map(asked.map((l) => [l.lineNo, l]));
  for (const line of answer.lines) {
    const want = byLine.get(line.lineNo);
    if (!want) return `line ${line.lineNo} was not asked`;
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
  }
  return undefined;
}
