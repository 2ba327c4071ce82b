import { PassThrough } from 'node:stream';
import { CliProgressBar, type ProgressStream } from './cli-progress-bar';

/** A stream that says it is a terminal, and keeps what is drawn on it. */
function terminal(isTTY: boolean): { stream: ProgressStream; drawn: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 80 });
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, drawn: () => Buffer.concat(chunks).toString('utf8') };
}

describe('CliProgressBar', () => {
  it('should draw nothing for a script asking for --json, even at a terminal', () => {
    const { stream, drawn } = terminal(true);

    const bar = CliProgressBar.start('verifying', 10, { json: true, stream });
    bar.increment();
    bar.stop();

    expect(bar.drawn).toBe(false);
    expect(drawn()).toBe('');
  });

  it('should draw nothing when its stream is not a terminal (a pipe, a log file, CI)', () => {
    const { stream, drawn } = terminal(false);

    const bar = CliProgressBar.start('verifying', 10, { json: false, stream });
    bar.increment();
    bar.stop();

    expect(bar.drawn).toBe(false);
    expect(drawn()).toBe('');
  });

  it('should draw the label and how far it is for a person at a terminal', () => {
    const { stream, drawn } = terminal(true);

    const bar = CliProgressBar.start('verifying', 4, { json: false, stream });
    bar.increment();
    bar.update(3);
    bar.stop();

    expect(drawn()).toContain('verifying');
    expect(drawn()).toContain('3/4');
  });
});
