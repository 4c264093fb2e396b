import { addDays, isoDate, type StockAnswer, type StockAnswerLine } from '@tradelane/contracts';
import type { StockItem } from '../suppliers/stock-item.entity';
import type { Supplier } from '../suppliers/supplier.entity';
import type { StockInquiryRecord } from './stock-inquiry.entity';

export interface PersonLineAnswer {
  quantityCommitted: number;
  unitPriceMinor?: number;
  readyDate?: string;
}

/**
 * Builds the stock answer (step 3) from the supplier's own data. Without a person's figures
 * it commits what is on hand, up to what was asked; a person's figures take precedence.
 */
export function buildStockAnswer(
  inquiry: Pick<StockInquiryRecord, 'inquiryId' | 'orderId' | 'supplierId' | 'currency' | 'lines'>,
  supplier: Supplier,
  stock: StockItem[],
  answeredBy: string,
  today: Date,
  person?: Map<number, PersonLineAnswer>,
): StockAnswer {
  const bySku = new Map(stock.map((item) => [item.sku, item]));
  const defaultReady = addDays(isoDate(today), supplier.leadDays);
  const lines = inquiry.lines.map((line): StockAnswerLine => {
    const item = bySku.get(line.sku);
    const priced = item && item.currency === inquiry.currency ? item : undefined;
    const given = person?.get(line.lineNo);
    const committed = given
      ? given.quantityCommitted
      : priced
        ? Math.max(0, Math.min(line.quantity, priced.onHand))
        : 0;
    return {
      lineNo: line.lineNo,
      sku: line.sku,
      available: committed > 0,
      quantityCommitted: committed,
      unitPriceMinor: given?.unitPriceMinor ?? priced?.unitPriceMinor ?? 0,
      shipFrom: { code: supplier.locationCode, country: supplier.locationCountry },
      readyDate: given?.readyDate ?? defaultReady,
    };
  });
  return {
    inquiryId: inquiry.inquiryId,
    orderId: inquiry.orderId,
    supplierId: inquiry.supplierId,
    answeredBy,
    currency: inquiry.currency,
    lines,
  };
}
