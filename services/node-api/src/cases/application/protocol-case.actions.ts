import { ProblemException } from '@enlace/http';
import type { CaseEventBase, CaseProtocol, CaseSide, CaseStateBase } from '../domain/case-protocol';
import type { ProtocolCaseDocument } from '../persistence/protocol-case.document';
import { ConcurrentCaseChangeError, ProtocolCaseRepository } from '../persistence/protocol-case.repository';
import { CaseRecordOptions, ProtocolCaseWriter } from './protocol-case.writer';

/**
 * Decisions tried on one case before giving up. An attempt is lost only when another writer's change of the case
 * committed in between, so each loss is someone else's progress: 16 lets that many writers of one case at once all
 * get through.
 */
const MAX_ATTEMPTS = 16;

/** Decides a command of `side` on the replica: the protocol's own decide function, bound to a command. */
export type CaseDecision<S, E> = (state: S, side: CaseSide, now: Date) => E[];

/**
 * What the users of this node do to an existing case of one protocol: load it, decide on its current state,
 * record the events — again from a fresh read when another writer got there first.
 */
export class ProtocolCaseActions<S extends CaseStateBase, E extends CaseEventBase, D = unknown> {
  constructor(
    private readonly protocol: CaseProtocol<S, E, D>,
    private readonly repository: ProtocolCaseRepository<S, D>,
    private readonly writer: ProtocolCaseWriter<S, E, D>,
  ) {}

  async get(id: string): Promise<ProtocolCaseDocument<S, D>> {
    const document = await this.repository.findById(id);
    if (!document) {
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: `No ${this.protocol.name} ${id} on this node.`,
      });
    }
    return document;
  }

  /** Decides and records a step; `options.note` is the free note the step came with (an acceptance's). */
  async act(
    id: string,
    decide: CaseDecision<S, E>,
    options: Pick<CaseRecordOptions, 'note'> = {},
  ): Promise<ProtocolCaseDocument<S, D>> {
    for (let attempt = 1; ; attempt++) {
      const document = await this.get(id);
      const events = decide(document.state, document.state.side, new Date());
      if (events.length === 0) return document;
      try {
        return await this.writer.record(document, events, document.state.side, options);
      } catch (error) {
        if (!(error instanceof ConcurrentCaseChangeError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
