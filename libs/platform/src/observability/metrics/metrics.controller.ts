import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth/decorators';
import { Metrics } from './metrics';

/**
 * Prometheus scrapes this without a token: operators keep it from the outside at the network
 * (only the scraper reaches the services' ports, or a proxy refuses /metrics). Not an API
 * operation, so it stays out of the OpenAPI document.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Public()
  async scrape(@Res() res: Response): Promise<void> {
    const text = await this.metrics.text();
    // Written as is: Express's send() would reorder the content type's parameters.
    res.status(200).setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(text);
  }
}
