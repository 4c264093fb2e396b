import type { PartyDatabase } from '@tradelane/platform';
import { DispatchNoticeRecord } from '../dispatch-notices/dispatch-notice.entity';
import { StockInquiryRecord } from '../stock-inquiries/stock-inquiry.entity';
import { StockItem } from '../suppliers/stock-item.entity';
import { StockMovement } from '../suppliers/stock-movement.entity';
import { Supplier } from '../suppliers/supplier.entity';
import { SupplierInitial1764000000000 } from './migrations/1764000000000-supplier-initial';

export const supplierDatabase: PartyDatabase = {
  schema: 'supplier',
  entities: [Supplier, StockItem, StockMovement, StockInquiryRecord, DispatchNoticeRecord],
  migrations: [SupplierInitial1764000000000],
};
