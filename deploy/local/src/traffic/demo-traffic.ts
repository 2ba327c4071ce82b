import type { NetworkDescription } from '../network/demo-network';
import { NodeSession } from './node-session';
import { SEED_STORIES, type PersonName, type SeedStory } from './seed-stories';
import { StoryPlayer } from './story-player';
import { planTraffic, type PlannedStory } from './story-schedule';
import { runTraffic, type TrafficReport } from './traffic-run';

// Made-up names: the demo's persons are fictional, and the generator never prints them.
const FIRST_NAMES = ['Ana', 'Lucía', 'Rosa', 'Nina', 'Carmen', 'Julia', 'Sofía', 'Elena', 'Marta', 'Inés'];
const SECOND_NAMES = ['Quispe', 'Mamani', 'Rojas', 'Torres', 'Flores', 'Vargas', 'Castro', 'Ramos'];

export const fictionalPerson = (sequence: number): PersonName => ({
  firstName: FIRST_NAMES[sequence % FIRST_NAMES.length] as string,
  secondName: SECOND_NAMES[Math.floor(sequence / FIRST_NAMES.length) % SECOND_NAMES.length] as string,
});

export interface DemoTrafficOptions {
  /** The nodes and users of the network: `.enlace/network.json`, or a started LocalNetwork. */
  readonly description: {
    readonly nodes: readonly Pick<NetworkDescription['nodes'][number], 'country' | 'apiUrl'>[];
    readonly users: readonly NetworkDescription['users'][number][];
  };
  readonly ratePerSecond: number;
  readonly durationSeconds: number;
  readonly maxInFlight?: number;
  readonly waitTimeoutMs?: number;
  readonly stories?: readonly SeedStory[];
  readonly personOf?: (sequence: number) => PersonName;
  readonly onPlan?: (plan: readonly PlannedStory[]) => void;
  readonly onProgress?: (report: Readonly<TrafficReport>, elapsedMs: number) => void;
}

/** Plays the seed stories against a running network as each country's focal point, and counts what happened. */
export async function playDemoTraffic(options: DemoTrafficOptions): Promise<TrafficReport> {
  const sessions = new Map<string, NodeSession>();
  for (const node of options.description.nodes) {
    const user = options.description.users.find(
      (candidate) => candidate.country === node.country && candidate.username.endsWith('.focal'),
    );
    if (user) sessions.set(node.country, new NodeSession(node.country, node.apiUrl, user.username, user.password));
  }
  const plan = planTraffic({
    ratePerSecond: options.ratePerSecond,
    durationSeconds: options.durationSeconds,
    countries: [...sessions.keys()],
    stories: options.stories ?? SEED_STORIES,
  });
  options.onPlan?.(plan);
  const player = new StoryPlayer(sessions, {
    waitTimeoutMs: options.waitTimeoutMs ?? 120_000,
    pollMs: 250,
    maxPollMs: 4000,
    personOf: options.personOf ?? fictionalPerson,
  });
  return runTraffic({
    plan,
    play: (planned) => player.play(planned),
    maxInFlight: options.maxInFlight ?? 20,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
