import type { PartyDatabase } from '@tradelane/platform';
import { CarrierPartner } from '../catalogue/carrier-partner.entity';
import { CatalogueItem } from '../catalogue/catalogue-item.entity';
import { OrderMessage } from '../order-messages/order-message.entity';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import { DistributorInitial1764000000000 } from './migrations/1764000000000-distributor-initial';

export const distributorDatabase: PartyDatabase = {
  schema: 'distributor',
  entities: [CatalogueItem, CarrierPartner, PurchaseOrderRecord, OrderMessage],
  migrations: [DistributorInitial1764000000000],
};
