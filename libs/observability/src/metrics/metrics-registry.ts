import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus registry. A metric is made the first time a part of the process asks for it and shared
 * after: when node-api and the courier run in one process (the demo), both ask for the same counter and must get
 * one, not a duplicate-name error; when they run apart, each process has only the metrics its own parts asked for.
 */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(options: { defaultMetrics?: boolean } = {}) {
    // The process's CPU, memory, event-loop lag and garbage collection, as every Node.js exporter shows them.
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'enlace_' });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return this.existing<Counter<L>>(name) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]): Histogram<L> {
    return (
      this.existing<Histogram<L>>(name) ??
      new Histogram({ name, help, labelNames, buckets, registers: [this.registry] })
    );
  }

  /** A gauge whose value is read when Prometheus scrapes (collect), e.g. the depth of a table. */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect?: (gauge: Gauge<L>) => Promise<void>,
  ): Gauge<L> {
    const existing = this.existing<Gauge<L>>(name);
    if (existing) return existing;
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      ...(collect && {
        async collect(this: Gauge<L>) {
          await collect(this);
        },
      }),
    });
  }

  /**
   * A gauge without labels read from its source at each scrape (the depth of a table, a consumer's lag). A scrape
   * must answer: a source that fails or does not answer within `timeoutMs` leaves the last value, and says why.
   */
  sampledGauge(
    name: string,
    help: string,
    read: () => Promise<number>,
    onError: (error: Error) => void,
    timeoutMs = 2_000,
  ): Gauge {
    return this.gauge(name, help, [], async (gauge) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const value = await Promise.race([
          read(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        gauge.set(value);
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
      } finally {
        clearTimeout(timer);
      }
    });
  }

  /** The exposition text Prometheus reads, and its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  private existing<M>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}
