import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ReintegrationEvent, ReintegrationState, ReturnState, decideReintegration } from '@enlace/protocols';
import { ProtocolCaseActions } from '../../cases/application/protocol-case.actions';
import { ProtocolCaseWriter } from '../../cases/application/protocol-case.writer';
import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import type { CaseListQuery } from '../../cases/persistence/case-list.query';
import type { ProtocolCaseListPage, ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import { ProblemException } from '@enlace/http';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { RETURN_CASE_REPOSITORY } from '../../returns/returns.tokens';
import { ReintegrationStep, ReintegrationStepBody, reintegrationCommandOf } from '../dto/reintegration-steps';
import type { OpenReintegrationRequest } from '../dto/reintegration.requests';
import {
  REINTEGRATION_CASE_ACTIONS,
  REINTEGRATION_CASE_REPOSITORY,
  REINTEGRATION_CASE_WRITER,
} from '../reintegrations.tokens';

export type ReintegrationCase = ProtocolCaseDocument<ReintegrationState>;

/** The receiving country's reintegration of a returned person, and the sender's view of it where shared. */
@Injectable()
export class ReintegrationsService {
  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(REINTEGRATION_CASE_REPOSITORY) private readonly repository: ProtocolCaseRepository<ReintegrationState>,
    @Inject(REINTEGRATION_CASE_WRITER)
    private readonly writer: ProtocolCaseWriter<ReintegrationState, ReintegrationEvent>,
    @Inject(REINTEGRATION_CASE_ACTIONS)
    private readonly actions: ProtocolCaseActions<ReintegrationState, ReintegrationEvent>,
    @Inject(RETURN_CASE_REPOSITORY) private readonly returns: ProtocolCaseRepository<ReturnState>,
  ) {}

  /**
   * Opens the reintegration of a person this country received and handed over: the plan is due after the
   * corridor's period from the arrival (one month by default), follow-ups at the corridor's interval.
   */
  async open(request: OpenReintegrationRequest): Promise<ReintegrationCase> {
    const handedOver = await this.returns.findById(request.returnId);
    if (!handedOver || handedOver.state.side !== 'receiver' || handedOver.state.status !== 'handed-over') {
      throw new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: 'A reintegration starts from a return this country received and handed over to reintegration.',
        errors: [{ field: '/returnId', message: 'must name a handed-over incoming return of this node' }],
      });
    }
    const { fromCountry, toCountry, arrivedAt } = handedOver.state;
    if (!arrivedAt) throw new Error(`return ${handedOver._id} was handed over without an arrival`);
    const planId = randomUUID();
    const now = new Date();
    const events = decideReintegration(
      undefined,
      {
        type: 'OpenReintegration',
        data: {
          planId,
          fromCountry,
          toCountry,
          arrivedAt,
          planDueAt: this.config.deadlines
            .dueAfter('reintegrationPlan', fromCountry, toCountry, new Date(arrivedAt))
            .toISOString(),
          followUpIntervalDays:
            request.followUpIntervalDays ??
            this.config.deadlines.periodOf('followUpIntervalDays', fromCountry, toCountry),
          shareWithSender: request.shareWithSender,
          consent: request.consent,
          at: now.toISOString(),
        },
      },
      'receiver',
    );
    const { document } = await this.writer.create(
      { _id: planId, direction: 'incoming', links: { returnId: handedOver._id } },
      events,
      'receiver',
    );
    return document;
  }

  /** A page of the node's cases that match the query; `initials` for callers who may see them. */
  async list(
    query: CaseListQuery,
    options: { initials?: boolean } = {},
  ): Promise<ProtocolCaseListPage<ReintegrationState, unknown>> {
    return this.repository.list(query, options);
  }

  async get(id: string): Promise<ReintegrationCase> {
    return this.actions.get(id);
  }

  async takeStep(id: string, step: ReintegrationStep, body: ReintegrationStepBody): Promise<ReintegrationCase> {
    return this.actions.act(id, (state, side, now) =>
      decideReintegration(state, reintegrationCommandOf(step, body, now.toISOString()), side),
    );
  }
}
