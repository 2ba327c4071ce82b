import { ProblemException } from '../../common/problem-details/problem.exception';
import type { CaseEventBase, CaseProtocol, CaseSide, CaseStateBase } from '../domain/case-protocol';
import type { ProtocolCaseDocument } from '../persistence/protocol-case.document';
import { ConcurrentCaseChangeError, ProtocolCaseRepository } from '../persistence/protocol-case.repository';
import { ProtocolCaseWriter } from './protocol-case.writer';

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
export class ProtocolCaseActions<S extends CaseStateBase, E extends CaseEventBase> {
  constructor(
    private readonly protocol: CaseProtocol<S, E>,
    private readonly repository: ProtocolCaseRepository<S>,
    private readonly writer: ProtocolCaseWriter<S, E>,
  ) {}

  async get(id: string): Promise<ProtocolCaseDocument<S>> {
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

  async act(id: string, decide: CaseDecision<S, E>): Promise<ProtocolCaseDocument<S>> {
    for (let attempt = 1; ; attempt++) {
      const document = await this.get(id);
      const events = decide(document.state, document.state.side, new Date());
      if (events.length === 0) return document;
      try {
        return await this.writer.record(document, events, document.state.side);
      } catch (error) {
        if (!(error instanceof ConcurrentCaseChangeError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
