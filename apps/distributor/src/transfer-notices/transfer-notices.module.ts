import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { transferNoticeConfig } from '@tradelane/platform';
import { IntakeAdmission, type IntakeLimits } from '../purchase-orders/intake-admission';
import { transferNoticeIntakeConfig } from '../purchase-orders/intake.config';
import { TransferNoticeEvent } from './transfer-notice-event.entity';
import { TransferNoticesController } from './transfer-notices.controller';
import { TransferNoticesService } from './transfer-notices.service';

@Module({
  imports: [ConfigModule.forFeature(transferNoticeConfig), ConfigModule.forFeature(transferNoticeIntakeConfig), TypeOrmModule.forFeature([TransferNoticeEvent])],
  controllers: [TransferNoticesController],
  providers: [
    TransferNoticesService,
    // Its own places, apart from the purchase orders'.
    { provide: IntakeAdmission, useFactory: (limits: IntakeLimits) => new IntakeAdmission(limits), inject: [transferNoticeIntakeConfig.KEY] },
  ],
})
export class TransferNoticesModule {}
