import { SEED_STORIES } from './seed-stories';
import { planTraffic, playableStories, summarisePlan } from './story-schedule';

const ALL = ['CO', 'EC', 'PE', 'BO', 'AR'];

describe('planTraffic', () => {
  it('should start rate x duration stories, evenly spaced', () => {
    const plan = planTraffic({ ratePerSecond: 2, durationSeconds: 60, countries: ALL, stories: SEED_STORIES });
    expect(plan).toHaveLength(120);
    expect(plan.slice(0, 3).map((entry) => entry.atMs)).toEqual([0, 500, 1000]);
    expect(plan[plan.length - 1]?.atMs).toBe(59_500);
    expect(plan.map((entry) => entry.sequence)).toEqual([...Array(120).keys()]);
  });

  it('should space fractional rates too, and start at least one story', () => {
    const plan = planTraffic({ ratePerSecond: 0.25, durationSeconds: 20, countries: ALL, stories: SEED_STORIES });
    expect(plan.map((entry) => entry.atMs)).toEqual([0, 4000, 8000, 12_000, 16_000]);
    expect(
      planTraffic({ ratePerSecond: 0.01, durationSeconds: 1, countries: ALL, stories: SEED_STORIES }),
    ).toHaveLength(1);
  });

  it('should cycle through the seed stories in order, keeping their mix over any run', () => {
    const plan = planTraffic({ ratePerSecond: 1, durationSeconds: 30, countries: ALL, stories: SEED_STORIES });
    expect(plan.slice(0, SEED_STORIES.length).map((entry) => entry.story)).toEqual(SEED_STORIES);
    expect(plan[SEED_STORIES.length]?.story).toBe(SEED_STORIES[0]);
    const summary = summarisePlan(plan);
    expect(summary['return-reintegration AR->BO']).toBe(6);
    expect(Object.values(summary).reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('should leave out the stories whose countries the network lacks', () => {
    const plan = planTraffic({ ratePerSecond: 1, durationSeconds: 20, countries: ['AR', 'BO'], stories: SEED_STORIES });
    expect(new Set(plan.map((entry) => entry.story.name))).toEqual(new Set(['return-reintegration']));
  });

  it('should refuse a rate or duration that is not above 0, and a network where no story runs', () => {
    const base = { countries: ALL, stories: SEED_STORIES };
    expect(() => planTraffic({ ...base, ratePerSecond: 0, durationSeconds: 10 })).toThrow(RangeError);
    expect(() => planTraffic({ ...base, ratePerSecond: Number.NaN, durationSeconds: 10 })).toThrow(RangeError);
    expect(() => planTraffic({ ...base, ratePerSecond: 1, durationSeconds: -1 })).toThrow(RangeError);
    expect(() => planTraffic({ ...base, countries: ['CO'], ratePerSecond: 1, durationSeconds: 10 })).toThrow(/CO/);
  });
});

describe('the seed stories', () => {
  it('should refer around Colombia, Ecuador and Peru, and return from Argentina to Bolivia', () => {
    const referrals = SEED_STORIES.filter((story) => story.name.startsWith('referral'));
    const returns = SEED_STORIES.filter((story) => story.name.startsWith('return'));
    expect(
      referrals.every((story) => ['CO', 'EC', 'PE'].includes(story.from) && ['CO', 'EC', 'PE'].includes(story.to)),
    ).toBe(true);
    expect(new Set(referrals.map((story) => story.name))).toEqual(
      new Set(['referral-served', 'referral-declined', 'referral-asked-accepted']),
    );
    expect(returns.map((story) => `${story.from}->${story.to}`)).toEqual(['AR->BO', 'AR->BO']);
  });

  it('should open each case before any step on it', () => {
    for (const story of SEED_STORIES) {
      const opened = new Set<string>();
      for (const step of story.steps) {
        if (step.kind === 'create') opened.add(step.route);
        else expect([story.name, step.action, opened.has(step.route)]).toEqual([story.name, step.action, true]);
      }
    }
  });

  it('should build request bodies with the story person and no other personal field', () => {
    const story = SEED_STORIES.find((candidate) => candidate.name === 'return-reintegration');
    const create = story?.steps[0];
    if (create?.kind !== 'create') throw new Error('a return story starts by requesting the return');
    const body = create.body({
      sequence: 3,
      ids: {},
      person: { firstName: 'Marker', secondName: 'Surname' },
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(body).toMatchObject({
      toCountry: 'BO',
      person: { firstName: 'Marker', secondName: 'Surname' },
      consent: { recipients: ['BO'] },
    });
  });
});

describe('playableStories', () => {
  it('should keep the stories both of whose countries run a node', () => {
    expect(playableStories(SEED_STORIES, ['CO', 'EC']).map((story) => `${story.from}->${story.to}`)).toEqual([
      'CO->EC',
      'EC->CO',
      'CO->EC',
    ]);
  });
});
