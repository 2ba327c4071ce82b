import { AddressInfo } from 'node:net';
import { Controller, Get, INestApplication, Injectable, Logger, Module, OnModuleInit, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ReadinessChecks } from './health/readiness-checks';
import { MetricsRegistry } from './metrics/metrics-registry';
import { ObservabilityModule } from './observability.module';
import { OPERATIONS_ROUTES, observeHttp } from './observed-http';

/** What the test's dependency answers: up, down, or no answer at all. */
const dependency = { state: 'up' as 'up' | 'down' | 'silent' };

@Controller('things')
class ThingsHttpController {
  private readonly logger = new Logger('things');

  @Get(':id')
  thing(@Param('id') id: string): { id: string } {
    this.logger.log({ msg: 'thing read', correlationId: `corr-${id}` });
    return { id };
  }
}

@Injectable()
class ThingsReadiness implements OnModuleInit {
  constructor(private readonly checks: ReadinessChecks) {}

  onModuleInit(): void {
    this.checks.add('things.store', async (signal) => {
      if (dependency.state === 'down') throw new Error('connect ECONNREFUSED 10.0.0.7:5432 user=secret');
      if (dependency.state === 'silent') {
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
      }
    });
  }
}

@Module({ imports: [ObservabilityModule], controllers: [ThingsHttpController], providers: [ThingsReadiness] })
class ThingsModule {}

/**
 * ObservabilityModule in a real Nest application on a real port, as the services use it (observeHttp, the API under
 * a prefix, the operations routes outside it); the JSON log lines are read from what pino writes to stdout.
 */
describe('ObservabilityModule', () => {
  let app: INestApplication;
  let base: string;
  let written: string[];
  let restoreStdout: () => void;

  beforeAll(async () => {
    written = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(chunk.toString());
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    restoreStdout = () => (process.stdout.write = write);

    app = await NestFactory.create(ThingsModule, { bufferLogs: true });
    observeHttp(app);
    app.setGlobalPrefix('api/v1', { exclude: [...OPERATIONS_ROUTES] });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    restoreStdout?.();
  });

  const logLines = (): Record<string, unknown>[] =>
    written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  describe('GET /health/live', () => {
    it('should answer 200 outside the API prefix, whatever the dependencies say', async () => {
      dependency.state = 'down';
      const live = await fetch(`${base}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
      expect((await fetch(`${base}/api/v1/health/live`)).status).toBe(404);
    });
  });

  describe('GET /health/ready', () => {
    it('should answer 200 naming each dependency when all answer', async () => {
      dependency.state = 'up';
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', info: { 'things.store': { status: 'up' } } });
    });

    it('should answer 503 naming the dependency down, with its error class and nothing of its message', async () => {
      dependency.state = 'down';
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(503);
      const body = await ready.text();
      expect(JSON.parse(body)).toMatchObject({
        status: 'error',
        error: { 'things.store': { status: 'down', reason: 'Error' } },
      });
      expect(body).not.toContain('10.0.0.7');
      expect(body).not.toContain('secret');
    });

    it('should count a dependency that does not answer in time as down', async () => {
      dependency.state = 'silent';
      const started = Date.now();
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        error: { 'things.store': { status: 'down', reason: 'TimeoutError' } },
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      dependency.state = 'up';
    }, 10_000);
  });

  describe('GET /metrics', () => {
    it('should count requests by method, route template and status, never by URL', async () => {
      await fetch(`${base}/api/v1/things/4b1c3f0e`);
      await fetch(`${base}/api/v1/things/9d2a4c55`);
      await fetch(`${base}/api/v1/nowhere/4b1c3f0e`);
      const scrape = await fetch(`${base}/metrics`);
      expect(scrape.headers.get('content-type')).toContain('text/plain');
      const text = await scrape.text();
      expect(text).toContain(
        'enlace_http_request_duration_seconds_count{method="GET",route="/api/v1/things/:id",status="200"} 2',
      );
      // A request no route of ours matched is counted under a fixed template too, never under its URL.
      expect(text).toMatch(/enlace_http_request_duration_seconds_count\{method="GET",route="[^"]*",status="404"\} 2/);
      expect(text).not.toContain('nowhere');
      expect(text).not.toContain('4b1c3f0e');
      expect(text).toContain('enlace_process_cpu_seconds_total');
    });

    it('should serve the registry the application uses', async () => {
      app.get(MetricsRegistry).counter('enlace_test_things_total', 'Things of the test', []).inc(3);
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('enlace_test_things_total 3');
    });
  });

  describe('logs', () => {
    it('should log a request as one JSON line under the id the caller gave, with the lines logged while serving it', async () => {
      const id = 'req-4b1c3f0e-9d2a-4c55';
      const answer = await fetch(`${base}/api/v1/things/abc?name=Maria`, {
        headers: { 'x-request-id': id, authorization: 'Bearer top-secret-token' },
      });
      expect(answer.headers.get('x-request-id')).toBe(id);
      const lines = logLines().filter((line) => (line['req'] as { id?: string } | undefined)?.id === id);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ level: 'info', msg: 'thing read', correlationId: 'corr-abc', context: 'things' }),
          expect.objectContaining({
            level: 'info',
            req: { id, method: 'GET', path: '/api/v1/things/abc' },
            res: { statusCode: 200 },
          }),
        ]),
      );
      const all = JSON.stringify(lines);
      expect(all).not.toContain('Maria');
      expect(all).not.toContain('top-secret-token');
    });

    it('should not log the probes and the scrapes', async () => {
      const before = logLines().length;
      await fetch(`${base}/health/live`);
      await fetch(`${base}/metrics`);
      const after = logLines().slice(before);
      expect(after.filter((line) => line['req'] !== undefined)).toEqual([]);
    });
  });
});
