/**
 * Counts the failed tries of each unit of work (a record, an inbox entry), so that one that can never succeed is
 * set aside after a bounded number of tries instead of blocking what comes after it forever. In memory: a
 * restarted process gives every unit its tries again, which only delays the verdict.
 */
export class FailureCounter {
  private readonly failures = new Map<string, number>();

  constructor(
    /** Tries before giving up. */
    readonly maxTries: number,
    /** Units remembered at most; the oldest are forgotten first. */
    private readonly capacity = 10_000,
  ) {}

  /** Notes one more failure of `key`; returns whether it has now used up its tries. */
  failed(key: string): { tries: number; exhausted: boolean } {
    const tries = (this.failures.get(key) ?? 0) + 1;
    this.failures.delete(key);
    if (this.failures.size >= this.capacity) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    if (tries < this.maxTries) this.failures.set(key, tries);
    return { tries, exhausted: tries >= this.maxTries };
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
