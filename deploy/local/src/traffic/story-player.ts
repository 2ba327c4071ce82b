import type { PlannedStory } from './story-schedule';
import type { CaseRoute, PersonName, StoryStep } from './seed-stories';
import type { NodeSession } from './node-session';

/** How a story ended: done, or where it stopped and why (a status code or a timeout, never a body). */
export type StoryOutcome =
  | { readonly ok: true; readonly requests: number }
  | { readonly ok: false; readonly requests: number; readonly failedAt: string; readonly reason: string };

export interface StoryPlayerOptions {
  /** How long a step waits for its node to allow it (the other side's message to arrive). */
  readonly waitTimeoutMs: number;
  /** The first wait between two looks at the case; it grows by half each time, up to `maxPollMs`. */
  readonly pollMs: number;
  readonly maxPollMs: number;
  /** The made-up person of the story with this sequence number. */
  readonly personOf: (sequence: number) => PersonName;
}

class StoryFailure extends Error {
  constructor(
    readonly failedAt: string,
    readonly reason: string,
  ) {
    super(`${failedAt}: ${reason}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Plays seed stories against running nodes, each step by the country whose turn it is. */
export class StoryPlayer {
  constructor(
    private readonly sessions: ReadonlyMap<string, NodeSession>,
    private readonly options: StoryPlayerOptions,
  ) {}

  async play(planned: PlannedStory): Promise<StoryOutcome> {
    const { story, sequence } = planned;
    const ids: Partial<Record<CaseRoute, string>> = {};
    const person = this.options.personOf(sequence);
    let requests = 0;
    try {
      for (const step of story.steps) {
        const session = this.session(step.actor === 'sender' ? story.from : story.to);
        const label = step.kind === 'create' ? `create ${step.route}` : `${step.route} ${step.action}`;
        const body = step.body?.({ sequence, ids, person, now: new Date() }) ?? {};
        if (step.kind === 'create') {
          const answer = await session.request('POST', `/${step.route}`, body);
          requests += 1;
          const id = answer.body['id'];
          if (answer.status !== 201 || typeof id !== 'string') throw new StoryFailure(label, `HTTP ${answer.status}`);
          ids[step.route] = id;
        } else {
          const id = ids[step.route];
          if (!id) throw new StoryFailure(label, 'no case yet');
          await this.waitUntilAllowed(session, step, id, label);
          const answer = await session.request('POST', `/${step.route}/${id}/${step.action}`, body);
          requests += 1;
          if (answer.status !== 200) throw new StoryFailure(label, `HTTP ${answer.status}`);
        }
      }
      return { ok: true, requests };
    } catch (error) {
      if (error instanceof StoryFailure) return { ok: false, requests, failedAt: error.failedAt, reason: error.reason };
      return { ok: false, requests, failedAt: 'network', reason: (error as Error).name };
    }
  }

  private session(country: string): NodeSession {
    const session = this.sessions.get(country);
    if (!session) throw new StoryFailure(country, 'no node');
    return session;
  }

  /** Until the actor's node has the case and lists the action as allowed (the other side's message arrived). */
  private async waitUntilAllowed(
    session: NodeSession,
    step: Extract<StoryStep, { kind: 'step' }>,
    id: string,
    label: string,
  ): Promise<void> {
    const deadline = Date.now() + this.options.waitTimeoutMs;
    let last = 0;
    // Each look is a read the node audits: look less often the longer the other side takes.
    let pause = this.options.pollMs;
    while (Date.now() < deadline) {
      const answer = await session.request('GET', `/${step.route}/${id}`);
      last = answer.status;
      const allowed = answer.body[step.route === 'referrals' ? 'allowedActions' : 'allowedSteps'];
      if (answer.status === 200 && Array.isArray(allowed) && allowed.includes(step.action)) return;
      if (answer.status !== 200 && answer.status !== 404) throw new StoryFailure(label, `HTTP ${answer.status}`);
      await sleep(pause);
      pause = Math.min(Math.round(pause * 1.5), this.options.maxPollMs);
    }
    throw new StoryFailure(label, `timeout (last HTTP ${last})`);
  }
}
