import type { PartyDatabase } from '@tradelane/platform';
import { CarrierPartner } from '../catalogue/carrier-partner.entity';
import { CatalogueItem } from '../catalogue/catalogue-item.entity';
import { CatalogueOffer } from '../catalogue/catalogue-offer.entity';
import { StuckCompensationRecord } from '../operations/stuck-compensation.entity';
import { PartyTermsRecord } from '../party-terms/party-terms.entity';
import { OrderMessage } from '../order-messages/order-message.entity';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import { DistributorInitial1764000000000 } from './migrations/1764000000000-distributor-initial';
import { SourcingTermsEvents1764100000000 } from './migrations/1764100000000-sourcing-terms-events';
import { TransferNoticeEvents1764100000200 } from './migrations/1764100000200-transfer-notice-events';
import { OrderLogHashChain1764200000000 } from './migrations/1764200000000-order-log-hash-chain';
import { Identity1764300000000 } from './migrations/1764300000000-identity';
import { People1764400000100 } from './migrations/1764400000100-people';
import { OrderListPaging1764500000300 } from './migrations/1764500000300-order-list-paging';
import { DistributorRateLimits1764600000000 } from './migrations/1764600000000-distributor-rate-limits';
import { OrderLogCheckpoints1764800000000 } from './migrations/1764800000000-order-log-checkpoints';
import { ApiKeyRecord } from '../identity/api-key.entity';
import { OrganisationRecord } from '../identity/organisation.entity';
import { IdentityProviderRecord } from '../identity/oidc/identity-provider.entity';
import { OidcFlowRecord } from '../identity/oidc/oidc-flow.entity';
import { PersonRecord } from '../identity/people/person.entity';
import { SignInSessionRecord } from '../identity/people/sign-in-session.entity';
import { TransferNoticeEvent } from '../transfer-notices/transfer-notice-event.entity';
import { ediEntities } from '../edi/entities';
import { EdiMailbox1764700000400 } from './migrations/1764700000400-edi-mailbox';
import { EdiPush1764700000500 } from './migrations/1764700000500-edi-push';

/** Every table of the distributor's schema; the module registers the same list. */
export const distributorEntities = [
  CatalogueItem,
  CatalogueOffer,
  CarrierPartner,
  PartyTermsRecord,
  PurchaseOrderRecord,
  OrderMessage,
  StuckCompensationRecord,
  TransferNoticeEvent,
  OrganisationRecord,
  ApiKeyRecord,
  PersonRecord,
  SignInSessionRecord,
  IdentityProviderRecord,
  OidcFlowRecord,
  ...ediEntities,
];

export const distributorDatabase: PartyDatabase = {
  schema: 'distributor',
  entities: distributorEntities,
  migrations: [DistributorInitial1764000000000, SourcingTermsEvents1764100000000, TransferNoticeEvents1764100000200, OrderLogHashChain1764200000000, Identity1764300000000, People1764400000100, OrderListPaging1764500000300, DistributorRateLimits1764600000000, EdiMailbox1764700000400, EdiPush1764700000500, OrderLogCheckpoints1764800000000],
};
