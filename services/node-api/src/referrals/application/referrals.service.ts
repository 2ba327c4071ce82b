import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ReferralCommand,
  ReferralOutcomeResult,
  ReferralState,
  decideReferral,
  evolveReferral,
} from '@enlace/protocols';
import { ProblemException } from '../../common/problem-details/problem.exception';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { ReferralCaseDocument } from '../persistence/referral-case.document';
import {
  ConcurrentChangeError,
  ReferralCaseRepository,
  ReferralListFilter,
} from '../persistence/referral-case.repository';
import { REFERRAL_CASE_REPOSITORY } from '../referrals.tokens';
import { CreateReferralRequest } from '../dto/create-referral.request';
import { normalisePersonInput } from '../dto/person-input.normaliser';
import { ReferralCaseWriter, RecordOptions } from './referral-case.writer';

/**
 * Decisions tried on one case before giving up. An attempt is lost only when another writer's change of the case
 * committed in between, so each loss is someone else's progress: 16 lets that many writers of one case at once all
 * get through.
 */
const MAX_ATTEMPTS = 16;

/** What focal points and case workers do with referrals through the node's API. */
@Injectable()
export class ReferralsService {
  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(REFERRAL_CASE_REPOSITORY) private readonly repository: ReferralCaseRepository,
    private readonly writer: ReferralCaseWriter,
  ) {}

  /** Drafts the referral and sends it at once: the consent it carries is checked by the protocol. */
  async create(request: CreateReferralRequest): Promise<ReferralCaseDocument> {
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
    const referralId = randomUUID();
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
    const { referral } = await this.writer.create(
      {
        _id: referralId,
        direction: 'outgoing',
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
    return referral;
  }

  async list(filter: ReferralListFilter): Promise<ReferralCaseDocument[]> {
    return this.repository.list(filter);
  }

  async get(id: string): Promise<ReferralCaseDocument> {
    const referral = await this.repository.findById(id);
    if (!referral)
      throw new ProblemException({ status: 404, title: 'Not Found', detail: `No referral ${id} on this node.` });
    return referral;
  }

  /** The receiver takes the referral on; `note` reaches the sending country with the acceptance. */
  async accept(id: string, note?: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'AcceptReferral', data: { at } }), note ? { note } : {});
  }

  async decline(id: string, reason: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'DeclineReferral', data: { reason, at } }));
  }

  async requestInformation(id: string, question: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'RequestInformation', data: { question, at } }));
  }

  async provideInformation(id: string, answer: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'ProvideInformation', data: { answer, at } }));
  }

  async withdraw(id: string, reason: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'WithdrawReferral', data: { reason, at } }));
  }

  async startService(id: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'StartService', data: { at } }));
  }

  async close(id: string, outcome: ReferralOutcomeResult, reason?: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'CloseReferral', data: { outcome, ...(reason ? { reason } : {}), at } }));
  }

  /**
   * Either end: the person withdrew consent. The referral stops at both ends; this node erases the person's data
   * at once (the case's key is destroyed), and the other node erases and confirms when the message reaches it.
   */
  async withdrawConsent(id: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'WithdrawConsent', data: { at } }));
  }

  /** The sender lets a referral expire whose answer is overdue; the protocol refuses it before the due time. */
  async expire(id: string): Promise<ReferralCaseDocument> {
    return this.act(id, (at) => ({ type: 'ExpireReferral', data: { at } }));
  }

  /** Decides a command of this end on the current state; retries when another writer got there first. */
  private async act(
    id: string,
    command: (at: string) => ReferralCommand,
    options: RecordOptions = {},
  ): Promise<ReferralCaseDocument> {
    for (let attempt = 1; ; attempt++) {
      const referral = await this.get(id);
      const events = decideReferral(referral.state, command(new Date().toISOString()), referral.state.side);
      try {
        return await this.writer.record(referral, events, referral.state.side, options);
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
