import type { AnswerMode } from '@tradelane/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';


@Entity({ name: 'carriers' })
export class Carrier {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'answer_mode', type: 'text' })
  answerMode: AnswerMode;
}
