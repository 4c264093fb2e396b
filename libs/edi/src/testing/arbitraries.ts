import fc from 'fast-check';
import type { Address } from '@tradelane/contracts';
import type {
  InvoiceContent,
  LoadTenderContent,
  LoadTenderResponseContent,
  OrderResponseContent,
  PurchaseOrderContent,
  ShipNoticeContent,
  StockAnswerContent,
  StockInquiryContent,
} from '../documents';
import { purchaseOrderKey } from '../mappings/idempotency';

/**
 * What each syntax must carry through unchanged. `special` are characters the syntax gives a
 * meaning to (EDIFACT escapes them with `?`, XML with entities); X12 has no escape, so its text
 * holds none of its separators.
 */
export function arbitraries(standard: 'x12' | 'edifact' | 'cxml') {
  const special = standard === 'x12' ? '.,-/&#()' : standard === 'edifact' ? "+:'?.,-/&#" : '&<>"\'.,-/#;';
  const chars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzäöüÉ0123456789 '.split(''), ...special.split(''));
  const text = (max: number) =>
    fc
      .array(chars, { minLength: 1, maxLength: max })
      .map((a) => a.join('').trim())
      .filter((s) => s.length > 0 && !/\s{2,}/.test(s));
  const code = (max: number) => fc.stringMatching(new RegExp(`^[A-Z0-9][A-Z0-9-]{0,${max - 1}}$`));
  const sku = fc.stringMatching(/^[A-Z0-9][A-Z0-9._-]{0,20}$/);
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const currency = standard === 'x12' ? fc.constantFrom('EUR', 'USD', 'JPY') : fc.constantFrom('EUR', 'USD', 'JPY', 'KWD');
  const minor = fc.integer({ min: 0, max: 10_000_000_000 });
  const quantity = fc.integer({ min: 1, max: 10_000_000 });
  const country = fc.stringMatching(/^[A-Z]{2}$/);
  const address: fc.Arbitrary<Address> = fc
    .record({ name: text(60), line1: text(60), line2: fc.option(text(40), { nil: undefined }), city: text(40), postalCode: code(10), country })
    .map(({ line2, ...a }) => (line2 ? { ...a, line2 } : a));
  const lineId = fc.integer({ min: 1, max: 999_999 }).map(String);

  const purchaseOrder = (interchangeControlNumber: string): fc.Arbitrary<PurchaseOrderContent> =>
    fc
      .record({
        purchaseOrderNumber: code(22),
        orderDate: day,
        currency,
        wantedBy: day,
        shipTo: address,
        lines: fc.array(fc.record({ id: lineId, sku, quantity, price: fc.option(fc.integer({ min: 0, max: 1_000_000_000_000 }), { nil: undefined }) }), { minLength: 1, maxLength: 5 }),
      })
      .map((r) => ({
        type: 'purchase-order',
        purchaseOrderNumber: r.purchaseOrderNumber,
        orderDate: r.orderDate,
        buyerLineIds: r.lines.map((l) => l.id),
        order: {
          buyerId: 'muster-maschinenbau',
          lines: r.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, ...(l.price !== undefined ? { priceCeilingMinor: l.price } : {}) })),
          shipTo: r.shipTo,
          wantedBy: r.wantedBy,
          currency: r.currency,
          idempotencyKey: purchaseOrderKey(standard, interchangeControlNumber, r.purchaseOrderNumber),
        },
      }));

  const orderResponse: fc.Arbitrary<OrderResponseContent> = fc
    .record({
      purchaseOrderNumber: code(22),
      orderId: fc.uuid(),
      date: day,
      currency,
      deliveryDate: day,
      lines: fc.array(
        fc.record({ lineId, sku, quantityOrdered: quantity, quantityConfirmed: fc.integer({ min: 0, max: 10_000_000 }), unitPriceMinor: minor, status: fc.constantFrom('accepted', 'changed', 'rejected' as const) }),
        { minLength: 1, maxLength: 5 },
      ),
      freightMinor: minor,
      goodsMinor: minor,
    })
    .map((r) => ({ type: 'order-response', ...r, amountDueMinor: r.goodsMinor + r.freightMinor }));

  const shipNotice: fc.Arbitrary<ShipNoticeContent> = fc
    .record({
      shipmentId: fc.uuid(),
      purchaseOrderNumber: code(22),
      orderId: fc.uuid(),
      shipDate: day,
      deliveryDate: fc.option(day, { nil: undefined }),
      carrierId: fc.stringMatching(/^[A-Z]{2,4}$/),
      shipFrom: code(12),
      shipTo: address,
      lines: fc.array(fc.record({ lineId, sku, quantity }), { minLength: 1, maxLength: 5 }),
    })
    .map(({ deliveryDate, ...r }) => ({ type: 'ship-notice', ...r, ...(deliveryDate ? { deliveryDate } : {}) }));

  const invoice: fc.Arbitrary<InvoiceContent> = fc
    .record({
      invoiceNumber: code(22),
      invoiceDate: day,
      purchaseOrderNumber: code(22),
      orderId: fc.uuid(),
      currency,
      lines: fc.array(fc.record({ lineId, sku, quantity, unitPriceMinor: minor }), { minLength: 1, maxLength: 5 }),
      freightMinor: minor,
      goods: minor,
    })
    .map(({ goods, ...r }) => ({ type: 'invoice', ...r, totalMinor: goods + r.freightMinor }));

  const stockInquiry: fc.Arbitrary<StockInquiryContent> = fc.record({
    type: fc.constant('stock-inquiry' as const),
    reference: code(22),
    inquiryId: fc.uuid(),
    orderId: fc.uuid(),
    date: day,
    currency,
    lines: fc.array(
      fc.record({ lineNo: fc.integer({ min: 1, max: 999 }), sku, quantity, priceCeilingMinor: fc.option(minor, { nil: undefined }) }).map(({ priceCeilingMinor, ...l }) => (priceCeilingMinor === undefined ? l : { ...l, priceCeilingMinor })),
      { minLength: 1, maxLength: 5 },
    ),
  });

  const stockAnswer: fc.Arbitrary<StockAnswerContent> = fc
    .record({
      reference: code(22),
      inquiryId: fc.option(fc.uuid(), { nil: undefined }),
      date: day,
      currency,
      lines: fc.array(
        fc.record({ lineNo: fc.integer({ min: 1, max: 999 }), sku, available: fc.boolean(), quantityCommitted: fc.integer({ min: 0, max: 10_000_000 }), unitPriceMinor: minor, shipFrom: fc.record({ code: code(12), country }), readyDate: day }),
        { minLength: 1, maxLength: 5 },
      ),
    })
    .map(({ inquiryId, ...r }) => ({ type: 'stock-answer', ...r, ...(inquiryId ? { inquiryId } : {}) }));

  const loadTender: fc.Arbitrary<LoadTenderContent> = fc
    .record({
      shipmentId: fc.uuid(),
      orderId: fc.uuid(),
      carrierScac: fc.stringMatching(/^[A-Z]{2,4}$/),
      date: day,
      pickupDate: day,
      deliveryDate: day,
      origin: fc.record({ code: code(12), country }),
      destination: address,
      currency,
      chargeMinor: minor,
      shipment: fc.option(fc.record({ weightGrams: fc.integer({ min: 0, max: 1_000_000_000 }), lineCount: fc.integer({ min: 1, max: 5000 }) }), { nil: undefined }),
    })
    .map(({ shipment, ...r }) => ({ type: 'load-tender', ...r, ...(shipment ?? {}) }));

  const loadTenderResponse: fc.Arbitrary<LoadTenderResponseContent> = fc
    .record({ noticeId: fc.uuid(), carrierScac: fc.stringMatching(/^[A-Z]{2,4}$/), date: day, decision: fc.constantFrom('accepted', 'rejected' as const), reason: fc.option(text(150), { nil: undefined }) })
    .map(({ reason, ...r }) => ({ type: 'load-tender-response', ...r, ...(reason ? { reason } : {}) }));

  return { purchaseOrder, orderResponse, shipNotice, invoice, stockInquiry, stockAnswer, loadTender, loadTenderResponse };
}
