import { Module } from '@nestjs/common';
import { HealthHttpController } from './health.http.controller';
import { NodeApiReadiness } from './node-api-readiness';

/**
 * /api/v1/health (in the API contract: the process answers) and what /health/ready asks of this service's
 * dependencies; /health/live, /health/ready and /metrics themselves come from ObservabilityModule.
 */
@Module({ controllers: [HealthHttpController], providers: [NodeApiReadiness] })
export class HealthModule {}
