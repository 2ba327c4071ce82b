import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ReferralCommand,
  ReferralEvent,
  ReferralOutcomeResult,
  ReferralState,
  decideReferral,
  evolveReferral,
} from '@enlace/protocols';
import { ProtocolCaseActions } from '../../cases/application/protocol-case.actions';
import { ProtocolCaseWriter } from '../../cases/application/protocol-case.writer';
import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import type { CaseOrigin } from '../../cases/domain/case-origin';
import type { CaseListQuery } from '../../cases/persistence/case-list.query';
import type { ProtocolCaseListPage, ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import { ProblemException } from '@enlace/http';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import type { ReferralDetails } from '../domain/referral-details';
import { CreateReferralRequest } from '../dto/create-referral.request';
import { normalisePersonInput } from '../dto/person-input.normaliser';
import { REFERRAL_CASE_ACTIONS, REFERRAL_CASE_REPOSITORY, REFERRAL_CASE_WRITER } from '../referrals.tokens';

export type ReferralCase = ProtocolCaseDocument<ReferralState, ReferralDetails>;

/** What focal points and case workers do with referrals through the node's API. */
@Injectable()
export class ReferralsService {
  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(REFERRAL_CASE_REPOSITORY)
    private readonly repository: ProtocolCaseRepository<ReferralState, ReferralDetails>,
    @Inject(REFERRAL_CASE_WRITER)
    private readonly writer: ProtocolCaseWriter<ReferralState, ReferralEvent, ReferralDetails>,
    @Inject(REFERRAL_CASE_ACTIONS)
    private readonly actions: ProtocolCaseActions<ReferralState, ReferralEvent, ReferralDetails>,
  ) {}

  /**
   * Drafts the referral and sends it at once: the consent it carries is checked by the protocol. `origin` gives the
   * id chosen beforehand and the records it links to (the intake it was made from), when there are any.
   */
  async create(request: CreateReferralRequest, origin: CaseOrigin = {}): Promise<ReferralCase> {
    if (request.toCountry === this.config.country) {
      throw new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: 'A referral goes to another country.',
        errors: [{ field: '/toCountry', message: 'must differ from this node’s country' }],
      });
    }
    const now = new Date();
    const at = now.toISOString();
    const referralId = origin.id ?? randomUUID();
    const drafted = decideReferral(
      undefined,
      {
        type: 'DraftReferral',
        data: {
          referralId,
          fromCountry: this.config.country,
          toCountry: request.toCountry,
          consent: {
            purpose: request.consent.purpose,
            recordedAt: request.consent.recordedAt,
            ...(request.consent.expiresAt ? { expiresAt: request.consent.expiresAt } : {}),
            ...(request.consent.recipients ? { recipients: request.consent.recipients } : {}),
          },
          at,
        },
      },
      'sender',
    );
    const answerDueAt = this.config.deadlines
      .dueAfter('referralAnswer', this.config.country, request.toCountry, now)
      .toISOString();
    const sent = decideReferral(
      drafted.reduce(evolveReferral, undefined as ReferralState | undefined),
      { type: 'SendReferral', data: { answerDueAt, at } },
      'sender',
    );
    const { document } = await this.writer.create(
      {
        _id: referralId,
        direction: 'outgoing',
        ...(origin.links ? { links: origin.links } : {}),
        ...(origin.agency ? { agency: origin.agency } : {}),
        details: {
          reason: request.reason,
          ...(request.reasonDetails ? { reasonDetails: request.reasonDetails } : {}),
          servicesRequested: request.servicesRequested,
          urgency: request.urgency,
        },
        person: normalisePersonInput(request.person),
        consent: request.consent,
      },
      [...drafted, ...sent],
      'sender',
    );
    return document;
  }

  /** A page of the node's cases that match the query; `initials` for callers who may see them. */
  async list(
    query: CaseListQuery,
    options: { initials?: boolean } = {},
  ): Promise<ProtocolCaseListPage<ReferralState, ReferralDetails>> {
    return this.repository.list(query, options);
  }

  async get(id: string): Promise<ReferralCase> {
    return this.actions.get(id);
  }

  /** The receiver takes the referral on; `note` reaches the sending country with the acceptance. */
  async accept(id: string, note?: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'AcceptReferral', data: { at } }), note);
  }

  async decline(id: string, reason: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'DeclineReferral', data: { reason, at } }));
  }

  async requestInformation(id: string, question: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'RequestInformation', data: { question, at } }));
  }

  async provideInformation(id: string, answer: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'ProvideInformation', data: { answer, at } }));
  }

  async withdraw(id: string, reason: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'WithdrawReferral', data: { reason, at } }));
  }

  async startService(id: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'StartService', data: { at } }));
  }

  async close(id: string, outcome: ReferralOutcomeResult, reason?: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'CloseReferral', data: { outcome, ...(reason ? { reason } : {}), at } }));
  }

  /**
   * Either end: the person withdrew consent. The referral stops at both ends; this node erases the person's data
   * at once (the case's key is destroyed), and the other node erases and confirms when the message reaches it.
   */
  async withdrawConsent(id: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'WithdrawConsent', data: { at } }));
  }

  /** The sender lets a referral expire whose answer is overdue; the protocol refuses it before the due time. */
  async expire(id: string): Promise<ReferralCase> {
    return this.act(id, (at) => ({ type: 'ExpireReferral', data: { at } }));
  }

  /** Decides a command of this end on the current state; retries when another writer got there first. */
  private act(id: string, command: (at: string) => ReferralCommand, note?: string): Promise<ReferralCase> {
    return this.actions.act(
      id,
      (state, side, now) => decideReferral(state, command(now.toISOString()), side),
      note ? { note } : {},
    );
  }
}
