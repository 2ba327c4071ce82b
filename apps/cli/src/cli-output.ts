/**
 * What a command tells its operator: lines for a person, or with --json one JSON document for a script (and
 * nothing else on stdout). Secrets are never part of either unless the command exists to hand one out once.
 */
export class CliOutput {
  private readonly lines: string[] = [];

  constructor(private readonly json: boolean) {}

  /** A line for a person; left out of --json output. */
  say(line: string): void {
    if (!this.json) this.lines.push(line);
  }

  /** Ends the command: the lines, or the result as JSON. */
  done(result: unknown): void {
    process.stdout.write(this.json ? `${JSON.stringify(result, null, 2)}\n` : `${this.lines.join('\n')}\n`);
  }
}
