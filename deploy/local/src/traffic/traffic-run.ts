import type { PlannedStory } from './story-schedule';
import type { StoryOutcome } from './story-player';

/** Counts only: how many stories ran, how they ended, and where failures stopped. */
export interface TrafficReport {
  planned: number;
  started: number;
  completed: number;
  failed: number;
  inFlight: number;
  requests: number;
  byStory: Record<string, { completed: number; failed: number }>;
  failures: Record<string, number>;
}

export interface TrafficRunOptions {
  readonly plan: readonly PlannedStory[];
  readonly play: (planned: PlannedStory) => Promise<StoryOutcome>;
  /** At most this many stories at once: later starts wait for a free place. */
  readonly maxInFlight: number;
  readonly onProgress?: (report: Readonly<TrafficReport>, elapsedMs: number) => void;
  readonly progressEveryMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts each planned story at its time (or when a place frees up) and waits for every story to end. */
export async function runTraffic(options: TrafficRunOptions): Promise<TrafficReport> {
  const report: TrafficReport = {
    planned: options.plan.length,
    started: 0,
    completed: 0,
    failed: 0,
    inFlight: 0,
    requests: 0,
    byStory: {},
    failures: {},
  };
  const began = Date.now();
  const progress = options.onProgress
    ? setInterval(() => options.onProgress?.(report, Date.now() - began), options.progressEveryMs ?? 10_000)
    : undefined;
  const running = new Set<Promise<void>>();
  try {
    for (const planned of options.plan) {
      const wait = began + planned.atMs - Date.now();
      if (wait > 0) await sleep(wait);
      while (running.size >= options.maxInFlight) await Promise.race(running);
      report.started += 1;
      report.inFlight += 1;
      const key = `${planned.story.name} ${planned.story.from}->${planned.story.to}`;
      const tally = (report.byStory[key] ??= { completed: 0, failed: 0 });
      const task: Promise<void> = options.play(planned).then((outcome) => {
        report.inFlight -= 1;
        report.requests += outcome.requests;
        if (outcome.ok) {
          report.completed += 1;
          tally.completed += 1;
        } else {
          report.failed += 1;
          tally.failed += 1;
          const where = `${outcome.failedAt}: ${outcome.reason}`;
          report.failures[where] = (report.failures[where] ?? 0) + 1;
        }
        running.delete(task);
      });
      running.add(task);
    }
    await Promise.all(running);
  } finally {
    if (progress) clearInterval(progress);
  }
  return report;
}
