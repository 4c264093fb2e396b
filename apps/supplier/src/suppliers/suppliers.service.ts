import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '@tradelane/platform';
import { DispatchNoticeRecord } from '../dispatch-notices/dispatch-notice.entity';
import type { AnswerMode } from '@tradelane/contracts';
import { Supplier } from './supplier.entity';

@Injectable()
export class SuppliersService {
  constructor(
    @InjectRepository(Supplier) private readonly suppliers: Repository<Supplier>,
    @InjectRepository(DispatchNoticeRecord) private readonly dispatches: Repository<DispatchNoticeRecord>,
  ) {}

  list(): Promise<Supplier[]> {
    return this.suppliers.find({ order: { id: 'ASC' } });
  }

  async get(id: string): Promise<Supplier> {
    const supplier = await this.suppliers.findOneBy({ id });
    if (!supplier) throw notFound('supplier', id);
    return supplier;
  }

  async setAnswerMode(id: string, answerMode: AnswerMode): Promise<Supplier> {
    const supplier = await this.get(id);
    supplier.answerMode = answerMode;
    return this.suppliers.save(supplier);
  }

  async setReservationHold(id: string, holdMinutes: number): Promise<Supplier> {
    const supplier = await this.get(id);
    supplier.reservationHoldMinutes = holdMinutes;
    return this.suppliers.save(supplier);
  }

  async dispatchNoticesOf(id: string): Promise<DispatchNoticeRecord[]> {
    await this.get(id);
    return this.dispatches.find({ where: { supplierId: id }, order: { receivedAt: 'ASC' }, take: 500 });
  }
}
