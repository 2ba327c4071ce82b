import { Module } from '@nestjs/common';
import { HealthHttpController } from './health.http.controller';
import { MonitorReadiness } from './monitor-readiness';

/**
 * /api/v1/health (in the API contract: the process answers) and what /health/ready asks of this service's
 * dependencies; /health/live, /health/ready and /metrics themselves come from ObservabilityModule.
 */
@Module({ controllers: [HealthHttpController], providers: [MonitorReadiness] })
export class HealthModule {}
