import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EdiModule } from '../edi/edi.module';
import { OrderMessage } from '../order-messages/order-message.entity';
import { PurchaseOrderRecord } from '../purchase-orders/purchase-order.entity';
import { OrderMessagesService } from '../order-messages/order-messages.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { CheckpointService } from './checkpoints/checkpoint.service';
import { WorkflowReplayService } from './workflow-replay.service';

/** The auditor API: timeline (the order log and its EDI documents), verification of the log against its anchors, checkpoints, raw history and replay of orders. */
@Module({
  imports: [TypeOrmModule.forFeature([OrderMessage, PurchaseOrderRecord]), EdiModule],
  controllers: [AuditController],
  providers: [AuditService, WorkflowReplayService, OrderMessagesService, CheckpointService],
})
export class AuditModule {}
