import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Carriers the distributor books, in order of preference, with the countries they pick up from and deliver to. */
@Entity({ name: 'carrier_partners' })
export class CarrierPartner {
  @PrimaryColumn({ name: 'carrier_id', type: 'text' })
  carrierId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  rank: number;

  @Column({ name: 'origin_countries', type: 'text', array: true })
  originCountries: string[];

  /** `*` for everywhere */
  @Column({ name: 'destination_countries', type: 'text', array: true })
  destinationCountries: string[];
}
