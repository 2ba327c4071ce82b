import { readdir, readFile } from 'node:fs/promises';

/** CPU time (user + system) a process has used so far, in ms, read from /proc (Linux); null once it is gone. */
export async function cpuMs(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command's name (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}

const CLOCK_TICKS = 100;

/** The PostgreSQL backends serving the databases named (their title names the database), by pid. */
async function backendsOf(databases: readonly string[]): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).replace(/\0/g, ' ');
      if (title.startsWith('postgres: ') && databases.some((name) => title.includes(` ${name} `))) {
        pids.push(Number(entry));
      }
    } catch {
      // gone in between
    }
  }
  return pids;
}

/**
 * CPU used by each process between `start` and `stop`, and by the PostgreSQL backends of the databases named (a
 * backend that ended in between is missed; the server's own writers, shared with everyone, are not counted).
 */
export class CpuMeter {
  private readonly before = new Map<number, number>();

  constructor(
    private readonly processes: readonly { name: string; pid: number }[],
    private readonly databases: readonly string[],
  ) {}

  async start(): Promise<this> {
    for (const { pid } of this.processes) this.before.set(pid, (await cpuMs(pid)) ?? 0);
    for (const pid of await backendsOf(this.databases)) this.before.set(pid, (await cpuMs(pid)) ?? 0);
    return this;
  }

  /** CPU ms per process (and `postgres` for the backends) since start, each divided by `per` when given. */
  async stop(per = 1): Promise<Record<string, number>> {
    const used: Record<string, number> = {};
    for (const { name, pid } of this.processes) {
      used[name] = ((await cpuMs(pid)) ?? 0) - (this.before.get(pid) ?? 0);
    }
    let postgres = 0;
    for (const pid of await backendsOf(this.databases))
      postgres += ((await cpuMs(pid)) ?? 0) - (this.before.get(pid) ?? 0);
    used['postgres'] = postgres;
    return Object.fromEntries(Object.entries(used).map(([name, ms]) => [name, Math.round((ms / per) * 100) / 100]));
  }
}
