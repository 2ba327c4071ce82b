/** One dependency a process needs to do its work: it resolves when the dependency answers, throws when not. */
export type ReadinessCheck = (signal: AbortSignal) => Promise<void>;

/**
 * What /health/ready asks, filled by the parts of the process at start: node-api adds its database, the courier
 * its database, the broker and the node's keys, the monitor its database and the broker. When node-api and the
 * courier share one process, the one probe answers for both.
 */
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  /** `name` says whose dependency it is (`courier.broker`): it is the key of the probe's answer. */
  add(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`a readiness check named ${name} is already registered`);
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks];
  }
}
