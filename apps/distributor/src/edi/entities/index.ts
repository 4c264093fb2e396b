import { EdiDocumentRecord } from './edi-document.entity';
import { EdiOrderRecord } from './edi-order.entity';
import { TradingPartnerRecord } from './trading-partner.entity';

/** The mailbox's tables in the distributor's schema. */
export const ediEntities = [TradingPartnerRecord, EdiDocumentRecord, EdiOrderRecord];
