import { Inject, Injectable } from '@nestjs/common';
import { decideReferral, evolveReferral } from '@enlace/protocols';
import type { InboxEntry } from '@enlace/store';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { counterpartOf, incomingEventFor, incomingNoteFor } from '../domain/referral-incoming-events';
import {
  ConsentRecord,
  ReferralCaseDocument,
  ReferralDetails,
  ReferredPerson,
} from '../persistence/referral-case.document';
import { ReferralCaseRepository } from '../persistence/referral-case.repository';
import { REFERRAL_CASE_REPOSITORY } from '../referrals.tokens';
import { APPLIED, ApplyOutcome, InboxMessageApplier } from '../../inbox/inbox-message.applier';
import { erasedAtOf } from '../../cases/application/protocol-case.message-applier';
import { ERASURE_CONFIRMED_TYPE, erasureConfirmationOf } from '../../cases/domain/erasure-confirmation';
import { ReferralCaseWriter } from './referral-case.writer';

/**
 * Applies what the courier stored in the inbox to this node's referrals. Each message is the other end's
 * command, replayed through the same protocol, in the transaction that marks the message applied (each takes
 * effect once).
 */
@Injectable()
export class ReferralMessageApplier implements InboxMessageApplier {
  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(REFERRAL_CASE_REPOSITORY) private readonly repository: ReferralCaseRepository,
    private readonly writer: ReferralCaseWriter,
  ) {}

  handles(type: string): boolean {
    return type.startsWith('referral.');
  }

  readonly protocolName = 'referral';

  async apply(entry: InboxEntry): Promise<ApplyOutcome> {
    const payload = entry.payload ?? {};
    if (entry.type === 'referral.requested.v1') return this.receive(entry, payload);
    if (entry.type === ERASURE_CONFIRMED_TYPE) return this.confirmErasure(entry, payload);
    const event = incomingEventFor(entry.type, payload);
    if (!event) return { applied: false, code: 'UNSUPPORTED_TYPE', detail: `no handler for ${entry.type}` };
    const referral = await this.repository.findById(entry.caseId);
    if (!referral) return { applied: false, code: 'UNKNOWN_CASE', detail: `no referral ${entry.caseId} on this node` };
    const stranger = this.refuseStranger(referral, entry);
    if (stranger) return stranger;
    if (event.data.referralId !== referral._id) {
      return { applied: false, code: 'CASE_MISMATCH', detail: 'the message names another referral than its envelope' };
    }
    if (evolveReferral(referral.state, event).status === referral.state.status) {
      // Every step of the other end moves the status: one that does not fit here came before the step it follows.
      return {
        applied: false,
        deferred: true,
        code: 'OUT_OF_ORDER',
        detail: `${entry.type} does not follow status ${referral.state.status}`,
      };
    }
    const note = incomingNoteFor(entry.type, payload);
    // The other end withdrew the person's consent: this end erases in the same write and confirms it.
    const erases = event.type === 'ConsentWithdrawn' && !referral.erasure;
    await this.writer.record(referral, [event], counterpartOf(referral.state.side), {
      ...(note ? { note } : {}),
      ...(erases
        ? { extraMessages: [erasureConfirmationOf('referral', referral._id, this.config.country, new Date())] }
        : {}),
    });
    return APPLIED;
  }

  private async confirmErasure(entry: InboxEntry, payload: Record<string, unknown>): Promise<ApplyOutcome> {
    const referral = await this.repository.findById(entry.caseId);
    if (!referral) return { applied: false, code: 'UNKNOWN_CASE', detail: `no referral ${entry.caseId} on this node` };
    const stranger = this.refuseStranger(referral, entry);
    if (stranger) return stranger;
    if (!referral.erasure?.confirmedBy.some((confirmation) => confirmation.country === entry.from)) {
      await this.repository.recordErasureConfirmation(referral._id, entry.from, erasedAtOf(entry, payload));
    }
    return APPLIED;
  }

  private async receive(entry: InboxEntry, payload: Record<string, unknown>): Promise<ApplyOutcome> {
    const referralId = String(payload['referralId']);
    if (referralId !== entry.caseId) {
      return { applied: false, code: 'CASE_MISMATCH', detail: 'the message names another referral than its envelope' };
    }
    const events = decideReferral(
      undefined,
      {
        type: 'ReceiveReferral',
        data: {
          referralId,
          fromCountry: entry.from,
          toCountry: this.config.country,
          answerDueAt: String(payload['answerDueAt']),
          sentAt: String(payload['requestedAt']),
          envelopeId: entry.envelopeId,
          at: entry.receivedAt.toISOString(),
        },
      },
      'receiver',
    );
    const { result } = await this.writer.create(
      {
        _id: referralId,
        direction: 'incoming',
        details: {
          reason: payload['reason'],
          ...(payload['reasonDetails'] ? { reasonDetails: payload['reasonDetails'] } : {}),
          servicesRequested: payload['servicesRequested'],
          urgency: payload['urgency'],
        } as ReferralDetails,
        person: payload['person'] as ReferredPerson,
        consent: payload['consent'] as ConsentRecord,
      },
      events,
      (event) => (event.type === 'ReferralDelivered' ? 'receiver' : 'sender'),
    );
    // The inbox holds each envelope once and marks it applied with the case it made: a referral already here with
    // this id is another's.
    if (result === 'exists') {
      return { applied: false, code: 'DUPLICATE_CASE', detail: 'a referral with this id already exists here' };
    }
    return APPLIED;
  }

  async applyReceipt(entry: InboxEntry): Promise<ApplyOutcome> {
    const receivedEnvelopeId = String(entry.payload?.['receivedEnvelopeId']);
    const referral = await this.repository.findById(entry.caseId);
    if (!referral) return { applied: false, code: 'UNKNOWN_CASE', detail: `no referral ${entry.caseId} on this node` };
    const stranger = this.refuseStranger(referral, entry);
    if (stranger) return stranger;
    await this.repository.markOutboxDelivered(referral._id, receivedEnvelopeId, entry.receivedAt);
    const receipted = referral.outbox.find((item) => item.envelopeId === receivedEnvelopeId);
    if (receipted?.type !== 'referral.requested.v1') return APPLIED;
    const events = decideReferral(
      referral.state,
      { type: 'RecordDelivery', data: { envelopeId: receivedEnvelopeId, at: entry.receivedAt.toISOString() } },
      'sender',
    );
    if (events.length > 0) await this.writer.record(referral, events, 'receiver');
    return APPLIED;
  }

  /**
   * Only the other end of this referral may change it: a member that learnt the case id from a plain header
   * must not withdraw, answer or receipt someone else's referral.
   */
  private refuseStranger(referral: ReferralCaseDocument, entry: InboxEntry): ApplyOutcome | undefined {
    const counterpart = referral.state.side === 'sender' ? referral.state.toCountry : referral.state.fromCountry;
    if (entry.from === counterpart) return undefined;
    return { applied: false, code: 'WRONG_COUNTERPART', detail: `${entry.from} is not the other end of this referral` };
  }
}
