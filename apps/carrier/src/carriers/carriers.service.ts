import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '@tradelane/platform';
import type { AnswerMode } from '@tradelane/contracts';
import { Carrier } from './carrier.entity';
import { RateCard } from './rate-card.entity';

@Injectable()
export class CarriersService {
  constructor(
    @InjectRepository(Carrier) private readonly carriers: Repository<Carrier>,
    @InjectRepository(RateCard) private readonly rates: Repository<RateCard>,
  ) {}

  list(): Promise<Carrier[]> {
    return this.carriers.find({ order: { id: 'ASC' } });
  }

  find(id: string): Promise<Carrier | null> {
    return this.carriers.findOneBy({ id });
  }

  async get(id: string): Promise<Carrier> {
    const carrier = await this.find(id);
    if (!carrier) throw notFound('carrier', id);
    return carrier;
  }

  async setAnswerMode(id: string, answerMode: AnswerMode): Promise<Carrier> {
    const carrier = await this.get(id);
    carrier.answerMode = answerMode;
    return this.carriers.save(carrier);
  }

  rateCardsOf(id: string): Promise<RateCard[]> {
    return this.rates.find({ where: { carrierId: id }, order: { id: 'ASC' } });
  }
}
