import { buildOutbound } from '../api';
import { CONFIRMATION, DISPATCH, INQUIRY, ORDER, TRANSPORT } from '../testing/messages';
import { EDIFACT_BUYER, OURS, X12_BUYER } from '../testing/partners';
import { outboundContent } from './outbound';

const control = { interchange: 1, group: 1, transaction: 1 };
const now = new Date('2026-12-01T10:30:00Z');
/** The order of testing/messages with a third line no supplier committed. */
const order = { ...ORDER, lines: [...ORDER.lines, { lineNo: 3, sku: 'WASHER-M8', quantity: 50 }] };

describe('outbound documents from the order log', () => {
  it('an order confirmation lists every ordered line: all of it (accepted), part (changed), none (rejected)', () => {
    const content = outboundContent({ kind: 'order-confirmation', confirmation: CONFIRMATION, order, purchaseOrderNumber: 'PO-4711', buyerLineIds: ['10', '20', '30'] });
    expect(content).toEqual({
      type: 'order-response',
      purchaseOrderNumber: 'PO-4711',
      orderId: ORDER.orderId,
      date: '2026-12-01',
      currency: 'EUR',
      deliveryDate: '2026-12-10',
      lines: [
        { lineId: '10', sku: 'BOLT-M8', quantityOrdered: 500, quantityConfirmed: 500, unitPriceMinor: 12, status: 'accepted' },
        { lineId: '20', sku: 'NUT-M8', quantityOrdered: 300, quantityConfirmed: 200, unitPriceMinor: 5, status: 'changed' },
        { lineId: '30', sku: 'WASHER-M8', quantityOrdered: 50, quantityConfirmed: 0, unitPriceMinor: 0, status: 'rejected' },
      ],
      goodsMinor: 7000,
      freightMinor: 4500,
      amountDueMinor: 11500,
    });
  });

  it('the 855 says so line by line (ACK IA / IQ / IR with the quantity), the ORDRSP with LIN actions 5 / 3 / 7', () => {
    const doc = { kind: 'order-confirmation' as const, confirmation: CONFIRMATION, order, purchaseOrderNumber: 'PO-4711' };
    const x12 = buildOutbound(doc, X12_BUYER, OURS, control, { now }).raw;
    expect(x12).toContain('BAK*00*AC*PO-4711*20261201~');
    expect(x12).toContain('PO1*1*500*EA*0.12**VP*BOLT-M8~\nACK*IA*500*EA~');
    expect(x12).toContain('PO1*2*300*EA*0.05**VP*NUT-M8~\nACK*IQ*200*EA~');
    expect(x12).toContain('PO1*3*50*EA*0.00**VP*WASHER-M8~\nACK*IR*0*EA~');
    expect(x12).toContain('SAC*C*D240***4500~');
    expect(x12).toContain('AMT*TT*115.00~');
    const edifact = buildOutbound(doc, EDIFACT_BUYER, OURS, control, { now }).raw;
    expect(edifact).toContain("BGM+231+3f1c7a52-9b7e-4c1d-8f21-6a0d3c2b1e90+4'");
    expect(edifact).toContain("LIN+2+3+NUT-M8:SA'\nQTY+21:300'\nQTY+113:200'");
    expect(edifact).toContain("LIN+3+7+WASHER-M8:SA'");
    expect(edifact).toContain("MOA+9:115.00'");
  });

  it('a ship notice is the dispatch, to the order ship-to, by the carrier that accepted', () => {
    expect(outboundContent({ kind: 'ship-notice', dispatch: DISPATCH, order: ORDER, purchaseOrderNumber: 'PO-4711', deliveryDate: '2026-12-10' })).toEqual({
      type: 'ship-notice',
      shipmentId: DISPATCH.noticeId,
      purchaseOrderNumber: 'PO-4711',
      orderId: ORDER.orderId,
      shipDate: '2026-12-08',
      deliveryDate: '2026-12-10',
      carrierId: 'RHFR',
      shipFrom: 'rhein-fasteners',
      shipTo: ORDER.shipTo,
      lines: [
        { lineId: '1', sku: 'BOLT-M8', quantity: 500 },
        { lineId: '2', sku: 'NUT-M8', quantity: 200 },
      ],
    });
  });

  it('an invoice is the amount due: the confirmed lines, freight the difference to the goods', () => {
    const content = outboundContent({ kind: 'invoice', confirmation: CONFIRMATION, purchaseOrderNumber: 'PO-4711', invoiceNumber: 'INV-1', invoiceDate: '2026-12-11' });
    expect(content).toMatchObject({ totalMinor: 11500, freightMinor: 4500, lines: [{ quantity: 500, unitPriceMinor: 12 }, { quantity: 200, unitPriceMinor: 5 }] });
    expect(buildOutbound({ kind: 'invoice', confirmation: CONFIRMATION, purchaseOrderNumber: 'PO-4711', invoiceNumber: 'INV-1', invoiceDate: '2026-12-11' }, X12_BUYER, OURS, control, { now }).raw).toContain('TDS*11500~');
  });

  it('a stock inquiry keeps its ceilings; a load tender is the transport notice priced in its currency', () => {
    expect(outboundContent({ kind: 'stock-inquiry', inquiry: INQUIRY }, now)).toMatchObject({ reference: INQUIRY.inquiryId, date: '2026-12-01', lines: [{ lineNo: 1, priceCeilingMinor: 15 }, { lineNo: 2 }] });
    expect(outboundContent({ kind: 'load-tender', notice: TRANSPORT }, now)).toEqual({
      type: 'load-tender',
      shipmentId: TRANSPORT.noticeId,
      orderId: ORDER.orderId,
      carrierScac: 'RHFR',
      date: '2026-12-01',
      pickupDate: '2026-12-08',
      deliveryDate: '2026-12-10',
      origin: { code: 'DE-DUS', country: 'DE' },
      destination: ORDER.shipTo,
      currency: 'EUR',
      chargeMinor: 4500,
    });
  });
});
