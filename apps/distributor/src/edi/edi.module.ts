import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationRecord } from '../identity/organisation.entity';
import { ediConfig } from './edi.config';
import { EdiController } from './edi.controller';
import { ediEntities } from './entities';
import { inboundBody } from './inbound-body';
import { InboundService } from './inbound.service';
import { MailboxService } from './mailbox.service';
import { OutboxService } from './outbox.service';
import { TradingPartnersController } from './trading-partners.controller';
import { TradingPartnersService } from './trading-partners.service';

/**
 * B2B documents: trading-partner profiles, the mailbox in (X12, EDIFACT, cXML purchase orders
 * through the JSON intake's own service) and out (the outbox made from the order log).
 */
@Module({
  imports: [ConfigModule.forFeature(ediConfig), TypeOrmModule.forFeature([...ediEntities, OrganisationRecord])],
  controllers: [TradingPartnersController, EdiController],
  providers: [TradingPartnersService, InboundService, MailboxService, OutboxService],
  exports: [TradingPartnersService, MailboxService],
})
export class EdiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(inboundBody(ediConfig().maxDocumentBytes)).forRoutes({ path: 'edi/inbound', method: RequestMethod.POST });
  }
}
