import type { PartyDatabase } from '@tradelane/platform';
import { DispatchNoticeRecord } from '../dispatch-notices/dispatch-notice.entity';
import { StockReservation } from '../reservations/stock-reservation.entity';
import { StockInquiryRecord } from '../stock-inquiries/stock-inquiry.entity';
import { StockItem } from '../suppliers/stock-item.entity';
import { StockMovement } from '../suppliers/stock-movement.entity';
import { Supplier } from '../suppliers/supplier.entity';
import { SupplierInitial1764000000000 } from './migrations/1764000000000-supplier-initial';
import { SupplierReservations1764100000000 } from './migrations/1764100000000-supplier-reservations';
import { SupplierRateLimits1764600000000 } from './migrations/1764600000000-supplier-rate-limits';

/** Every table of the supplier's schema; the module registers the same list. */
export const supplierEntities = [Supplier, StockItem, StockMovement, StockInquiryRecord, DispatchNoticeRecord, StockReservation];

export const supplierDatabase: PartyDatabase = {
  schema: 'supplier',
  entities: supplierEntities,
  migrations: [SupplierInitial1764000000000, SupplierReservations1764100000000, SupplierRateLimits1764600000000],
};
