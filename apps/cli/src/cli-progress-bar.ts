import { Presets, SingleBar } from 'cli-progress';

/** Where a bar is drawn: stderr, when it is a terminal. */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean };

/**
 * How far a long command is, for a person at a terminal: a bar on stderr (cli-progress), so stdout keeps only the
 * command's result. Nothing is drawn with --json, or when stderr is not a terminal (a script, a log file, CI): the
 * summary at the end says what happened either way.
 */
export class CliProgressBar {
  private readonly bar: SingleBar | undefined;

  private constructor(bar: SingleBar | undefined) {
    this.bar = bar;
  }

  /** A bar of `total` steps labelled `label`, or one that draws nothing (with --json or off a terminal). */
  static start(label: string, total: number, options: { json: boolean; stream?: ProgressStream }): CliProgressBar {
    const stream = options.stream ?? process.stderr;
    if (options.json || stream.isTTY !== true) return new CliProgressBar(undefined);
    const bar = new SingleBar(
      { format: `${label} [{bar}] {value}/{total}`, stream, hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return new CliProgressBar(bar);
  }

  /** Whether anything is drawn. */
  get drawn(): boolean {
    return this.bar !== undefined;
  }

  update(done: number): void {
    this.bar?.update(done);
  }

  increment(): void {
    this.bar?.increment();
  }

  /** Clears the bar before the summary is written. */
  stop(): void {
    this.bar?.stop();
  }
}
