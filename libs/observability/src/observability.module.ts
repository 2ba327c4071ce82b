import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HealthHttpController } from './health/health.http.controller';
import { ReadinessChecks } from './health/readiness-checks';
import { jsonLogParams } from './logging/json-log.params';
import { readJsonLogSettings } from './logging/json-log.settings';
import { MetricsHttpController } from './metrics/metrics.http.controller';
import { MetricsRegistry } from './metrics/metrics-registry';

/**
 * Health probes, Prometheus metrics and JSON logs for a service. Imported by node-api, the courier and the monitor;
 * a static module, so that node-api and the courier in one process (the demo) share one registry, one logger and
 * one pair of probes, which then answer for both.
 */
@Global()
@Module({
  imports: [LoggerModule.forRootAsync({ useFactory: () => jsonLogParams(readJsonLogSettings()) }), TerminusModule],
  controllers: [HealthHttpController, MetricsHttpController],
  providers: [{ provide: MetricsRegistry, useFactory: () => new MetricsRegistry() }, ReadinessChecks],
  exports: [MetricsRegistry, ReadinessChecks],
})
export class ObservabilityModule {}
