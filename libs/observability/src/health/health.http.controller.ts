import { Controller, Get, Res, ServiceUnavailableException, SetMetadata } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { ReadinessChecks } from './readiness-checks';

/** A dependency that does not answer within this long counts as down: a probe must answer before its own timeout. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

/**
 * The probes an orchestrator asks, outside the API prefix and without a token (the services' guards read the same
 * `enlace:isPublic` mark): /health/live says the process runs and answers (restart it if not); /health/ready says
 * whether its dependencies answer now (send it no work if not): 200, or 503 naming the dependency that is down.
 * Only the error's class and a fixed text are shown, never a connection string.
 */
@Controller('health')
@SetMetadata('enlace:isPublic', true)
export class HealthHttpController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessChecks,
  ) {}

  @Get('live')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Terminus throws a 503 with the result; answered here rather than by the service's problem+json filter, so that
   * the probe's reader sees which dependency is down.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.checkDependencies();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private checkDependencies(): Promise<HealthCheckResult> {
    return this.health.check(
      this.readiness.entries().map(([name, check]) => async () => {
        const indicator = this.indicators.check(name);
        try {
          await withTimeout(check, READINESS_CHECK_TIMEOUT_MS);
          return indicator.up();
        } catch (error) {
          return indicator.down({ reason: error instanceof Error ? error.name : 'unknown' });
        }
      }),
    );
  }
}

async function withTimeout(check: (signal: AbortSignal) => Promise<void>, ms: number): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      const error = new Error(`no answer within ${ms} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
  });
  try {
    await Promise.race([check(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
