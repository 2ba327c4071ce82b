import { spawn, type ChildProcess } from 'node:child_process';

import { isOurProcess, isRunning } from './processes';

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe('isRunning', () => {
  it('should hold for a live process whose command line lacks the markers, where isOurProcess does not', async () => {
    // a process between two execs (setpriv -> postgres) shows an empty command line: no marker matches it
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    const pid = child.pid as number;
    try {
      expect(isOurProcess(pid, ['-D', '/nowhere/data'])).toBe(false);
      expect(isRunning(pid)).toBe(true);
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
  });

  it('should not hold once the process has exited', async () => {
    const child = spawn('true', [], { stdio: 'ignore' });
    await exited(child);
    expect(isRunning(child.pid as number)).toBe(false);
  });
});
