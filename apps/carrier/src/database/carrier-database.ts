import type { PartyDatabase } from '@tradelane/platform';
import { Carrier } from '../carriers/carrier.entity';
import { RateCard } from '../carriers/rate-card.entity';
import { ShippingInquiryRecord } from '../shipping-inquiries/shipping-inquiry.entity';
import { TransportNoticeRecord } from '../transport-notices/transport-notice.entity';
import { CarrierInitial1764000000000 } from './migrations/1764000000000-carrier-initial';
import { CarrierQuoteValidityWithdrawCancelRemind1764100000200 } from './migrations/1764100000200-carrier-quote-validity-withdraw-cancel-remind';
import { CarrierRateLimits1764600000000 } from './migrations/1764600000000-carrier-rate-limits';

/** Every table of the carrier's schema; the module registers the same list. */
export const carrierEntities = [Carrier, RateCard, ShippingInquiryRecord, TransportNoticeRecord];

export const carrierDatabase: PartyDatabase = {
  schema: 'carrier',
  entities: carrierEntities,
  migrations: [CarrierInitial1764000000000, CarrierQuoteValidityWithdrawCancelRemind1764100000200, CarrierRateLimits1764600000000],
};
