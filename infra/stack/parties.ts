import type { Type } from '@nestjs/common';
import type { PartyRole } from '@tradelane/contracts';
import type { AppDescription, PartyDatabase } from '@tradelane/platform';
import type { DataSource } from 'typeorm';

/** Everything the launcher and the tests need to know about each party's service. */
export interface PartyService {
  role: PartyRole;
  database: PartyDatabase;
  seed?: (dataSource: DataSource) => Promise<void>;
  module: () => Type<unknown>;
  api: AppDescription;
}

/* eslint-disable @typescript-eslint/no-require-imports */
// Modules are required lazily: their config is read when they are first loaded.
export function partyServices(): PartyService[] {
  return [
    {
      role: 'buyer',
      database: require('../../apps/buyer/src/database/buyer-database').buyerDatabase,
      module: () => require('../../apps/buyer/src/buyer.module').BuyerModule,
      api: require('../../apps/buyer/src/api').buyerApi,
    },
    {
      role: 'distributor',
      database: require('../../apps/distributor/src/database/distributor-database').distributorDatabase,
      seed: require('../../apps/distributor/src/seed/demo-data').seedDistributorDemoData,
      module: () => require('../../apps/distributor/src/distributor.module').DistributorModule,
      api: require('../../apps/distributor/src/api').distributorApi,
    },
    {
      role: 'supplier',
      database: require('../../apps/supplier/src/database/supplier-database').supplierDatabase,
      seed: require('../../apps/supplier/src/seed/demo-data').seedSupplierDemoData,
      module: () => require('../../apps/supplier/src/supplier.module').SupplierModule,
      api: require('../../apps/supplier/src/api').supplierApi,
    },
    {
      role: 'carrier',
      database: require('../../apps/carrier/src/database/carrier-database').carrierDatabase,
      seed: require('../../apps/carrier/src/seed/demo-data').seedCarrierDemoData,
      module: () => require('../../apps/carrier/src/carrier.module').CarrierModule,
      api: require('../../apps/carrier/src/api').carrierApi,
    },
    {
      role: 'payment-gateway',
      database: require('../../apps/payment-gateway/src/database/payment-gateway-database').paymentGatewayDatabase,
      module: () => require('../../apps/payment-gateway/src/payment-gateway.module').PaymentGatewayModule,
      api: require('../../apps/payment-gateway/src/api').paymentGatewayApi,
    },
  ];
}
