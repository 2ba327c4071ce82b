import { Controller, Get, Header, Res, SetMetadata } from '@nestjs/common';
import type { Response } from 'express';
import { MetricsRegistry } from './metrics-registry';

/**
 * GET /metrics, outside the API prefix, for Prometheus. Open like the health probes (the services' guards read the
 * same `enlace:isPublic` mark): it carries counts by country and message type only, never a case or a person; a
 * deployer keeps the port off the public network (docs/operations.md).
 */
@Controller('metrics')
@SetMetadata('enlace:isPublic', true)
export class MetricsHttpController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() response: Response): Promise<void> {
    const { contentType, text } = await this.metrics.exposition();
    response.type(contentType).send(text);
  }
}
