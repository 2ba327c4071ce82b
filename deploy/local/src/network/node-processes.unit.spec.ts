import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeProcessArgs } from './node-processes';

describe('nodeProcessArgs', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-cpu-prof-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should add no profiling when no profile folder is given', () => {
    expect(nodeProcessArgs({ country: 'CO' }, 'courier', undefined)).toEqual([
      '--enable-source-maps',
      '--max-old-space-size=256',
    ]);
  });

  it('should start a process whose heap ceiling is the one set, not the one V8 picks from the machine', () => {
    const script = "console.log(require('node:v8').getHeapStatistics().heap_size_limit)";

    const run = spawnSync(process.execPath, [
      ...nodeProcessArgs({ country: 'CO' }, 'node-api', undefined),
      '-e',
      script,
    ]);

    // the limit covers the old space and the young generation's semi-spaces: a little over 256 MB, far under V8's own
    expect(Number(run.stdout.toString()) / 2 ** 20).toBeGreaterThanOrEqual(256);
    expect(Number(run.stdout.toString()) / 2 ** 20).toBeLessThan(320);
  });

  it('should profile each process into a folder named by its country and kind', () => {
    const args = nodeProcessArgs({ country: 'CO' }, 'node-api', dir);

    expect(args).toContain('--cpu-prof');
    expect(args).toContain(`--cpu-prof-dir=${path.join(dir, 'co-node-api')}`);
  });

  it('should still write the profile when the process ends by raising SIGTERM again, as NestJS does', () => {
    // What NestJS's shutdown hook does once the application is closed: its listener gone, the signal raised again.
    // The process then ends by the signal, not by an exit, and Node must still write the profile.
    const script =
      "process.on('SIGTERM', () => {}); process.removeAllListeners('SIGTERM'); process.kill(process.pid, 'SIGTERM');";

    const run = spawnSync(process.execPath, [...nodeProcessArgs({ country: 'EC' }, 'courier', dir), '-e', script]);

    expect(run.signal).toBe('SIGTERM');
    expect(fs.readdirSync(path.join(dir, 'ec-courier')).filter((name) => name.endsWith('.cpuprofile'))).toHaveLength(1);
  });
});
