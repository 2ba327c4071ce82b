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
    expect(nodeProcessArgs({ country: 'CO' }, 'courier', undefined)).toEqual(['--enable-source-maps']);
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
