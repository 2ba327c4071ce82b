import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LogEvent } from 'kysely';

/**
 * Counts the statements a process sends, by their opening words, for measuring the hot path
 * (ENLACE_STATEMENT_COUNT_DIR, opt-in: never on in production). Every few seconds it writes the counts to
 * `<dir>/<name>-<pid>.json`, so that a process that is killed leaves them too.
 */
export class StatementCounter {
  private readonly counts = new Map<string, number>();
  private readonly file: string;

  constructor(dir: string, name: string) {
    this.file = path.join(dir, `${name}-${process.pid}.json`);
    setInterval(() => this.write(), 2_000).unref();
  }

  readonly log = (event: LogEvent): void => {
    const opening = event.query.sql.replace(/\s+/g, ' ').trim().slice(0, 90);
    this.counts.set(opening, (this.counts.get(opening) ?? 0) + 1);
  };

  private write(): void {
    const sorted = [...this.counts].sort((a, b) => b[1] - a[1]);
    writeFileSync(this.file, JSON.stringify(Object.fromEntries(sorted), null, 1));
  }
}
