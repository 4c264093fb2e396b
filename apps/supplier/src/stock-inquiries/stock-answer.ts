import { addDays, isoDate, type InquiryLine, type StockAnswer, type StockAnswerLine } from '@tradelane/contracts';
import { allocate } from '../reservations/allocation';
import type { Supplier } from '../suppliers/supplier.entity';
import type { StockInquiryRecord } from './stock-inquiry.entity';

export interface PersonLineAnswer {
  quantityCommitted: number;
  unitPriceMinor?: number;
  readyDate?: string;
}

/** A SKU as an answer may offer it: what is free to commit, and at what catalogue price. */
export interface OfferedStock {
  sku: string;
  available: number;
  unitPriceMinor: number;
  currency: string;
}

export interface AnswerOptions {
  /** a person's figures per line number; without them the answer comes from the stock data */
  person?: Map<number, PersonLineAnswer>;
  /** end of the hold on the committed units */
  reservedUntil?: Date;
}

export function withinCeiling(unitPriceMinor: number, line: Pick<InquiryLine, 'priceCeilingMinor'>): boolean {
  return line.priceCeilingMinor === undefined || line.priceCeilingMinor === null || unitPriceMinor <= line.priceCeilingMinor;
}

/**
 * Builds the stock answer (step 3) from the supplier's own data. Without a person's figures it
 * commits what is available, up to what was asked, and nothing on a line whose catalogue price
 * is above the buyer's ceiling; a person's figures take precedence.
 */
export function buildStockAnswer(
  inquiry: Pick<StockInquiryRecord, 'inquiryId' | 'orderId' | 'supplierId' | 'currency' | 'lines'>,
  supplier: Supplier,
  stock: OfferedStock[],
  answeredBy: string,
  today: Date,
  { person, reservedUntil }: AnswerOptions = {},
): StockAnswer {
  const priced = new Map(stock.filter((item) => item.currency === inquiry.currency).map((item) => [item.sku, item]));
  const defaultReady = addDays(isoDate(today), supplier.leadDays);
  const fromStock = allocate(
    inquiry.lines.map((line) => {
      const item = priced.get(line.sku);
      const offered = item && withinCeiling(item.unitPriceMinor, line);
      return { lineNo: line.lineNo, sku: line.sku, quantity: offered ? line.quantity : 0 };
    }),
    new Map([...priced.values()].map((item) => [item.sku, item.available])),
  );
  const lines = inquiry.lines.map((line): StockAnswerLine => {
    const given = person?.get(line.lineNo);
    const committed = given ? given.quantityCommitted : (fromStock.get(line.lineNo) ?? 0);
    return {
      lineNo: line.lineNo,
      sku: line.sku,
      available: committed > 0,
      quantityCommitted: committed,
      unitPriceMinor: given?.unitPriceMinor ?? priced.get(line.sku)?.unitPriceMinor ?? 0,
      shipFrom: { code: supplier.locationCode, country: supplier.locationCountry },
      readyDate: given?.readyDate ?? defaultReady,
    };
  });
  const answer: StockAnswer = {
    inquiryId: inquiry.inquiryId,
    orderId: inquiry.orderId,
    supplierId: inquiry.supplierId,
    answeredBy,
    currency: inquiry.currency,
    lines,
  };
  if (reservedUntil && lines.some((l) => l.quantityCommitted > 0)) answer.reservedUntil = reservedUntil.toISOString();
  return answer;
}
