import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ReturnCommand,
  ReturnEvent,
  ReturnState,
  decideReturn,
  evolveReturn,
  returnPendingOn,
} from '@enlace/protocols';
import { ProtocolCaseActions } from '../../cases/application/protocol-case.actions';
import { ProtocolCaseWriter } from '../../cases/application/protocol-case.writer';
import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import type { CaseOrigin } from '../../cases/domain/case-origin';
import type { CaseListQuery } from '../../cases/persistence/case-list.query';
import type { ProtocolCaseListPage, ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import { ProblemException } from '@enlace/http';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { normalisePersonInput } from '../../referrals/dto/person-input.normaliser';
import { ReturnStep, ReturnStepBody, returnCommandOf } from '../dto/return-steps';
import type { CreateReturnRequest } from '../dto/return.requests';
import { RETURN_CASE_ACTIONS, RETURN_CASE_REPOSITORY, RETURN_CASE_WRITER } from '../returns.tokens';

export type ReturnCase = ProtocolCaseDocument<ReturnState>;

/** What focal points and case workers do with returns through the node's API. */
@Injectable()
export class ReturnsService {
  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(RETURN_CASE_REPOSITORY) private readonly repository: ProtocolCaseRepository<ReturnState>,
    @Inject(RETURN_CASE_WRITER) private readonly writer: ProtocolCaseWriter<ReturnState, ReturnEvent>,
    @Inject(RETURN_CASE_ACTIONS) private readonly actions: ProtocolCaseActions<ReturnState, ReturnEvent>,
  ) {}

  /** Requests the return and sends it at once: the person's informed decision and consent are the protocol's to check. */
  async request(request: CreateReturnRequest, origin: CaseOrigin = {}): Promise<ReturnCase> {
    if (request.toCountry === this.config.country) {
      throw new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: 'A return goes to another country.',
        errors: [{ field: '/toCountry', message: 'must differ from this node’s country' }],
      });
    }
    const now = new Date();
    const returnId = origin.id ?? randomUUID();
    const { consent } = request;
    const events = decideReturn(
      undefined,
      {
        type: 'RequestReturn',
        data: {
          returnId,
          fromCountry: this.config.country,
          toCountry: request.toCountry,
          isChild: request.isChild,
          unaccompanied: request.unaccompanied ?? false,
          answerDueAt: this.config.deadlines
            .dueAfter('returnStep', this.config.country, request.toCountry, now)
            .toISOString(),
          informedDecisionRecordedAt: request.informedDecisionRecordedAt,
          consent: {
            purpose: consent.purpose,
            recordedAt: consent.recordedAt,
            ...(consent.expiresAt ? { expiresAt: consent.expiresAt } : {}),
            ...(consent.recipients ? { recipients: consent.recipients } : {}),
          },
          at: now.toISOString(),
        },
      },
      'sender',
    );
    const { document } = await this.writer.create(
      {
        _id: returnId,
        direction: 'outgoing',
        person: normalisePersonInput(request.person),
        consent,
        ...(origin.links ? { links: origin.links } : {}),
        ...(origin.agency ? { agency: origin.agency } : {}),
      },
      events,
      'sender',
    );
    return document;
  }

  /** A page of the node's cases that match the query; `initials` for callers who may see them. */
  async list(
    query: CaseListQuery,
    options: { initials?: boolean } = {},
  ): Promise<ProtocolCaseListPage<ReturnState, unknown>> {
    return this.repository.list(query, options);
  }

  async get(id: string): Promise<ReturnCase> {
    return this.actions.get(id);
  }

  /**
   * Takes one step of the return at this end. Where the return then waits on someone, the step carries the due
   * time of what comes next, after the corridor's period, so both ends hold the same deadline.
   */
  async takeStep(id: string, step: ReturnStep, body: ReturnStepBody): Promise<ReturnCase> {
    return this.actions.act(id, (state, side, now) => {
      const at = now.toISOString();
      const command = returnCommandOf(step, body, at);
      const plain = decideReturn(state, command, side);
      const after = plain.reduce(evolveReturn, state);
      if (!returnPendingOn(after) || !acceptsNextDue(command)) return plain;
      const nextDueAt = this.config.deadlines
        .dueAfter('returnStep', state.fromCountry, state.toCountry, now)
        .toISOString();
      return decideReturn(state, returnCommandOf(step, body, at, nextDueAt), side);
    });
  }
}

/** The commands whose data carry the due time of the next step (the others pause or end the return). */
function acceptsNextDue(command: ReturnCommand): boolean {
  return !['SuspendReturn', 'CancelReturnByPerson', 'WithdrawReturnConsent', 'HandOverToReintegration'].includes(
    command.type,
  );
}
