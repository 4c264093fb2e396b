import type { AnswerMode } from '@tradelane/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'suppliers' })
export class Supplier {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'answer_mode', type: 'text' })
  answerMode: AnswerMode;

  @Column({ name: 'location_code', type: 'text' })
  locationCode: string;

  @Column({ name: 'location_country', type: 'char', length: 2 })
  locationCountry: string;

  @Column({ name: 'lead_days', type: 'int' })
  leadDays: number;

  /** How long a positive stock answer holds the committed units for the order. */
  @Column({ name: 'reservation_hold_minutes', type: 'int' })
  reservationHoldMinutes: number;
}
