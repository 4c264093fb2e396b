import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TransportMode } from '@tradelane/contracts';
import { bigintToNumber } from '@tradelane/platform';

/** What a carrier charges on a lane; `*` matches any country. */
@Entity({ name: 'rate_cards' })
export class RateCard {
  @PrimaryGeneratedColumn('identity')
  id: number;

  @Column({ name: 'carrier_id', type: 'text' })
  carrierId: string;

  @Column({ name: 'origin_country', type: 'text' })
  originCountry: string;

  @Column({ name: 'destination_country', type: 'text' })
  destinationCountry: string;

  @Column({ type: 'text' })
  mode: TransportMode;

  @Column({ name: 'base_minor', type: 'bigint', transformer: bigintToNumber })
  baseMinor: number;

  @Column({ name: 'per_kg_minor', type: 'bigint', transformer: bigintToNumber })
  perKgMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'transit_days', type: 'int' })
  transitDays: number;

  /** How long an automatic quote on this lane holds. */
  @Column({ name: 'quote_valid_hours', type: 'int' })
  quoteValidHours: number;
}
