import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { transferNoticeConfig } from '@tradelane/platform';
import { TransferNoticeEvent } from './transfer-notice-event.entity';
import { TransferNoticesController } from './transfer-notices.controller';
import { TransferNoticesService } from './transfer-notices.service';

@Module({
  imports: [ConfigModule.forFeature(transferNoticeConfig), TypeOrmModule.forFeature([TransferNoticeEvent])],
  controllers: [TransferNoticesController],
  providers: [TransferNoticesService],
})
export class TransferNoticesModule {}
