import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { ShipNoticeContent } from '../../documents';
import { attr, child, children, needAttr, path, text, type XmlNode } from '../xml';
import { readAddress, writePostalAddress } from './address';
import { date } from './order-request';

/**
 * ShipNoticeRequest: ShipNoticeHeader (shipmentID, noticeDate, shipmentDate, deliveryDate,
 * Contact role shipTo and shipFrom), ShipControl (CarrierIdentifier domain SCAC), ShipNoticePortion
 * (OrderReference the buyer's orderID, Extrinsic supplierOrderID our order, ShipNoticeItem per line).
 */
export function writeShipNotice(parent: XMLBuilder, content: ShipNoticeContent): void {
  const r = parent.ele('ShipNoticeRequest');
  const h = r.ele('ShipNoticeHeader', {
    shipmentID: content.shipmentId,
    noticeDate: `${content.shipDate}T00:00:00+00:00`,
    shipmentDate: `${content.shipDate}T00:00:00+00:00`,
    ...(content.deliveryDate ? { deliveryDate: `${content.deliveryDate}T00:00:00+00:00` } : {}),
  });
  const shipTo = h.ele('Contact', { role: 'shipTo' });
  shipTo.ele('Name', { 'xml:lang': 'en' }).txt(content.shipTo.name);
  writePostalAddress(shipTo, content.shipTo);
  h.ele('Contact', { role: 'shipFrom', addressID: content.shipFrom }).ele('Name', { 'xml:lang': 'en' }).txt(content.shipFrom);
  const control = r.ele('ShipControl');
  control.ele('CarrierIdentifier', { domain: 'SCAC' }).txt(content.carrierId);
  control.ele('ShipmentIdentifier').txt(content.shipmentId);
  const portion = r.ele('ShipNoticePortion');
  portion.ele('OrderReference', { orderID: content.purchaseOrderNumber }).ele('DocumentReference', { payloadID: content.purchaseOrderNumber });
  portion.ele('Extrinsic', { name: 'supplierOrderID' }).txt(content.orderId);
  for (const l of content.lines) {
    const item = portion.ele('ShipNoticeItem', { lineNumber: l.lineId, quantity: String(l.quantity) });
    item.ele('ItemID').ele('SupplierPartID').txt(l.sku);
    item.ele('UnitOfMeasure').txt('EA');
  }
}

export function readShipNotice(request: XmlNode | undefined): ShipNoticeContent {
  const h = child(request, 'ShipNoticeHeader');
  const contacts = children(h, 'Contact');
  const shipTo = contacts.find((c) => attr(c, 'role') === 'shipTo');
  const shipFrom = contacts.find((c) => attr(c, 'role') === 'shipFrom');
  const portion = child(request, 'ShipNoticePortion');
  const delivery = attr(h, 'deliveryDate');
  return {
    type: 'ship-notice',
    shipmentId: needAttr(h, 'shipmentID', 'ShipNoticeHeader'),
    purchaseOrderNumber: needAttr(child(portion, 'OrderReference'), 'orderID', 'ShipNoticePortion/OrderReference'),
    orderId: text(children(portion, 'Extrinsic').find((e) => attr(e, 'name') === 'supplierOrderID'))?.trim() ?? '',
    shipDate: date(needAttr(h, 'shipmentDate', 'ShipNoticeHeader'), 'ShipNoticeHeader@shipmentDate'),
    ...(delivery ? { deliveryDate: date(delivery, 'ShipNoticeHeader@deliveryDate') } : {}),
    carrierId: text(path(request, 'ShipControl', 'CarrierIdentifier'))?.trim() ?? '',
    shipFrom: attr(shipFrom, 'addressID') ?? '',
    shipTo: readAddress(shipTo, 'ShipNoticeHeader/Contact[shipTo]'),
    lines: children(portion, 'ShipNoticeItem').map((i) => ({
      lineId: needAttr(i, 'lineNumber', 'ShipNoticeItem'),
      sku: text(path(i, 'ItemID', 'SupplierPartID'))?.trim() ?? '',
      quantity: Number(needAttr(i, 'quantity', 'ShipNoticeItem')),
    })),
  };
}
