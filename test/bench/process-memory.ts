import type { LocalNetwork } from '@enlace/local-infra';
import { residentMb } from './bench-stats';

/** The processes of a node in separate mode, named as `CO/node-api`, `CO/courier` (combined: `CO/node`). */
export function processesOf(net: LocalNetwork): { name: string; pid: number }[] {
  return net.nodes.flatMap((node) => {
    const kinds = node.spec.mode === 'combined' ? ['node'] : ['node-api', 'courier'];
    return node.pids.map((pid, i) => ({ name: `${node.country}/${kinds[i] ?? i}`, pid }));
  });
}

export async function memorySnapshot(
  processes: readonly { name: string; pid: number }[],
): Promise<Record<string, number | null>> {
  const entries = await Promise.all(processes.map(async ({ name, pid }) => [name, await residentMb(pid)] as const));
  return Object.fromEntries(entries);
}

/** Samples resident memory every few seconds while load runs and keeps each process's peak. */
export class PeakMemorySampler {
  private readonly peak: Record<string, number | null> = {};
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly processes: readonly { name: string; pid: number }[],
    private readonly everyMs = 5_000,
  ) {}

  start(): this {
    this.timer = setInterval(() => void this.sample(), this.everyMs);
    return this;
  }

  async stop(): Promise<Record<string, number | null>> {
    clearInterval(this.timer);
    await this.sample();
    return { ...this.peak };
  }

  private async sample(): Promise<void> {
    const now = await memorySnapshot(this.processes);
    for (const [name, mb] of Object.entries(now)) {
      const before = this.peak[name];
      this.peak[name] = mb === null ? (before ?? null) : Math.max(before ?? 0, mb);
    }
  }
}
