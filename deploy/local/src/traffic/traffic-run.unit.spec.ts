import type { SeedStory } from './seed-stories';
import type { PlannedStory } from './story-schedule';
import type { StoryOutcome } from './story-player';
import { runTraffic } from './traffic-run';

const story = (name: string): SeedStory => ({ name, from: 'CO', to: 'EC', steps: [] });
const planned = (sequence: number, name = 'referral-served'): PlannedStory => ({
  sequence,
  atMs: 0,
  story: story(name),
});

describe('runTraffic', () => {
  it('should count completed and failed stories, requests, and where failures stopped', async () => {
    const outcomes: Record<number, StoryOutcome> = {
      0: { ok: true, requests: 4 },
      1: { ok: false, requests: 1, failedAt: 'referrals decline', reason: 'HTTP 409' },
      2: { ok: true, requests: 2 },
    };
    const report = await runTraffic({
      plan: [planned(0), planned(1, 'referral-declined'), planned(2)],
      play: async (entry) => outcomes[entry.sequence] as StoryOutcome,
      maxInFlight: 10,
    });
    expect(report).toEqual({
      planned: 3,
      started: 3,
      completed: 2,
      failed: 1,
      inFlight: 0,
      requests: 7,
      byStory: {
        'referral-served CO->EC': { completed: 2, failed: 0 },
        'referral-declined CO->EC': { completed: 0, failed: 1 },
      },
      failures: { 'referrals decline: HTTP 409': 1 },
    });
  });

  it('should never run more stories at once than allowed', async () => {
    let running = 0;
    let most = 0;
    const report = await runTraffic({
      plan: [...Array(12).keys()].map((n) => planned(n)),
      play: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return { ok: true, requests: 1 };
      },
      maxInFlight: 3,
    });
    expect(most).toBe(3);
    expect(report.completed).toBe(12);
  });
});
