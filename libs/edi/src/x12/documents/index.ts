import type { AcknowledgmentContent, DocumentContent } from '../../documents';
import type { X12Version } from '../../partner';
import type { X12Body } from '../interchange-writer';
import type { X12Reader } from '../reader';
import { readInvoice, writeInvoice } from './810';
import { readPurchaseOrder, writePurchaseOrder, writeStockInquiry } from './850';
import { readAcknowledgment, writeOrderResponse, writeStockAnswer } from './855';
import { readShipNotice, writeShipNotice } from './856';
import { readLoadTenderResponse, writeLoadTenderResponse } from './990';
import { readFunctionalAcknowledgment, writeFunctionalAcknowledgment } from './997';
import { readLoadTender, writeLoadTender } from './204';
import type { X12ReadContext } from './context';

/** GS01 of each transaction set this library reads or writes. */
export const FUNCTIONAL_ID: Record<string, string> = { '850': 'PO', '855': 'PR', '856': 'SH', '810': 'IN', '204': 'SM', '990': 'GF', '997': 'FA', '999': 'FA' };

export function x12Body(content: DocumentContent, version: X12Version): X12Body {
  switch (content.type) {
    case 'purchase-order':
      return body('850', writePurchaseOrder(content));
    case 'stock-inquiry':
      return body('850', writeStockInquiry(content));
    case 'order-response':
      return body('855', writeOrderResponse(content));
    case 'stock-answer':
      return body('855', writeStockAnswer(content));
    case 'ship-notice':
      return body('856', writeShipNotice(content));
    case 'invoice':
      return body('810', writeInvoice(content));
    case 'load-tender':
      return body('204', writeLoadTender(content));
    case 'load-tender-response':
      return body('990', writeLoadTenderResponse(content));
    case 'acknowledgment': {
      const setId = version === '005010' ? '999' : '997';
      return { ...body(setId, writeFunctionalAcknowledgment(content, version)), ...(setId === '999' ? { implementationReference: '005010X231A1' } : {}) };
    }
  }
}

function body(setId: string, segments: X12Body['segments']): X12Body {
  return { functionalId: FUNCTIONAL_ID[setId], setId, segments };
}

export interface AcknowledgedEnvelope {
  senderId: string;
  receiverId: string;
  version: string;
}

export function readX12Transaction(setId: string, reader: X12Reader, ctx: X12ReadContext, envelope: AcknowledgedEnvelope): DocumentContent {
  switch (setId) {
    case '850':
      return readPurchaseOrder(reader, ctx);
    case '855':
      return readAcknowledgment(reader, ctx);
    case '856':
      return readShipNotice(reader);
    case '810':
      return readInvoice(reader, ctx);
    case '204':
      return readLoadTender(reader, ctx);
    case '990':
      return readLoadTenderResponse(reader);
    case '997':
    case '999':
      return readFunctionalAcknowledgment(reader, envelope, envelope.version) satisfies AcknowledgmentContent;
    default:
      throw new Error(`transaction set ${setId} is not supported`);
  }
}
