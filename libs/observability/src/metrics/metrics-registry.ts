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

  /** The exposition text Prometheus reads, and its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  private existing<M>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}
