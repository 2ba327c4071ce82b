import type { SeedStory } from './seed-stories';

export interface TrafficPlanOptions {
  /** Stories started per second (fractions allowed: 0.5 is one every two seconds). */
  readonly ratePerSecond: number;
  readonly durationSeconds: number;
  /** The countries the running network has: stories between others are left out. */
  readonly countries: readonly string[];
  readonly stories: readonly SeedStory[];
}

/** One story to start, `atMs` after the run began. */
export interface PlannedStory {
  readonly sequence: number;
  readonly atMs: number;
  readonly story: SeedStory;
}

/** The stories the network can play: both of their countries run a node. */
export function playableStories(stories: readonly SeedStory[], countries: readonly string[]): SeedStory[] {
  return stories.filter((story) => countries.includes(story.from) && countries.includes(story.to));
}

/**
 * When each story starts: evenly spaced at the rate over the duration, cycling through the playable seed
 * stories in their order, so that a run of any length keeps their mix.
 */
export function planTraffic(options: TrafficPlanOptions): PlannedStory[] {
  const { ratePerSecond, durationSeconds } = options;
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) throw new RangeError('the rate must be above 0');
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) throw new RangeError('the duration must be above 0');
  const playable = playableStories(options.stories, options.countries);
  if (playable.length === 0) throw new RangeError(`no seed story runs between ${options.countries.join(', ')}`);
  const count = Math.max(1, Math.floor(ratePerSecond * durationSeconds));
  return Array.from({ length: count }, (_, sequence) => ({
    sequence,
    atMs: Math.round((sequence * 1000) / ratePerSecond),
    story: playable[sequence % playable.length] as SeedStory,
  }));
}

/** How many of each story a plan starts, and the corridors it uses: what the generator announces. */
export function summarisePlan(plan: readonly PlannedStory[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { story } of plan) {
    const key = `${story.name} ${story.from}->${story.to}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
