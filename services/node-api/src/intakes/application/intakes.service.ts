import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@enlace/http';
import { IntakeCommand, IntakeEvent, IntakeState, decideIntake, evolveIntake } from '@enlace/protocols';
import { CASE_AUDIT_TRAIL } from '../../audit/audit.tokens';
import type { CaseAuditTrail } from '../../cases/application/case-audit-trail';
import { NODE_TRANSACTIONS } from '../../database/database.tokens';
import type { NodeTransactions } from '../../database/node-transactions';
import { normaliseGender } from '../../referrals/dto/person-input.normaliser';
import type { IntakePerson, IntakePersonalContent, IntakeTimelineEntry } from '../domain/intake-content';
import type { RecordIntakeRequest, ScreenIntakeRequest } from '../dto/intake.requests';
import type { IntakeDocument } from '../persistence/intake.document';
import type { IntakeListFilter, IntakeRepository } from '../persistence/intake.repository';
import { INTAKE_REPOSITORY } from '../intakes.tokens';
import { AgencyScope } from '../../agencies/agency-scope';

/**
 * What hotline operators and supervisors do with intakes through the node's API. Every change is one transaction
 * with the audit record of the request that made it; nothing of an intake goes to the outbox.
 */
@Injectable()
export class IntakesService {
  constructor(
    @Inject(INTAKE_REPOSITORY) private readonly repository: IntakeRepository,
    @Inject(NODE_TRANSACTIONS) private readonly transactions: NodeTransactions,
    @Inject(CASE_AUDIT_TRAIL) private readonly trail: CaseAuditTrail,
    private readonly scope: AgencyScope,
  ) {}

  async record(request: RecordIntakeRequest): Promise<IntakeDocument> {
    const now = new Date();
    const id = randomUUID();
    const events = decideIntake(undefined, { type: 'RecordIntake', data: { intakeId: id, at: now.toISOString() } });
    const { state, timeline } = fold(undefined, events);
    const person = request.person ? personOf(request.person) : undefined;
    const personal: IntakePersonalContent = {
      ...(request.reporter ? { reporter: request.reporter } : {}),
      ...(person ? { person } : {}),
      ...(request.situation ? { situation: request.situation } : {}),
      ...(request.consent ? { consent: request.consent } : {}),
    };
    const document: IntakeDocument = {
      id,
      state,
      channel: request.channel,
      urgency: request.urgency,
      ...(person?.believedCountry ? { believedCountry: person.believedCountry } : {}),
      ...(request.indicators ? { indicators: request.indicators } : {}),
      personal,
      timeline,
      agency: this.scope.ownerOfNew(),
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.trail.around(() => this.transactions.run(() => this.repository.insert(document)));
    return document;
  }

  async list(filter: IntakeListFilter): Promise<IntakeDocument[]> {
    return this.repository.list(filter);
  }

  async get(id: string): Promise<IntakeDocument> {
    return found(id, await this.repository.findById(id));
  }

  async screen(id: string, request: ScreenIntakeRequest): Promise<IntakeDocument> {
    return this.trail.around(() =>
      this.decideOn(id, (at) => ({
        type: 'ScreenIntake',
        data: { outcome: request.outcome, ...(request.reason !== undefined ? { reason: request.reason } : {}), at },
      })),
    );
  }

  /**
   * Merges the intake into an existing referral or return of the same person that the caller's agency may read: the
   * intake names the case it joined, and no new case is made. A case it cannot join answers 422.
   */
  async merge(id: string, caseId: string): Promise<IntakeDocument> {
    return this.trail.around(() =>
      this.transactions.run(async () => {
        const protocol = await this.repository.protocolOfCase(caseId);
        if (protocol !== 'referral' && protocol !== 'return') {
          throw new ProblemException({
            status: 422,
            title: 'Unprocessable Content',
            detail: 'An intake joins a referral or a return of this node that the caller may read.',
            errors: [{ field: '/caseId', message: 'must be a referral or a return you may read' }],
          });
        }
        return this.decideOn(id, (at) => ({ type: 'MergeIntake', data: { protocol, caseId, at } }));
      }),
    );
  }

  /** Erases the intake's personal data: its key is destroyed once the change commits. */
  async erase(id: string): Promise<IntakeDocument> {
    return this.trail.around(() => this.decideOn(id, (at) => ({ type: 'EraseIntake', data: { at } })));
  }

  /**
   * Decides a command on the intake read locked in the open transaction (or a new one) and writes its events; `then`
   * runs in the same transaction before the change is written (a conversion writes its case there).
   */
  async decideOn(
    id: string,
    command: (at: string) => IntakeCommand,
    then: (intake: IntakeDocument) => Promise<void> = async () => undefined,
  ): Promise<IntakeDocument> {
    return this.transactions.run(async () => {
      const intake = found(id, await this.repository.findById(id, { lock: true }));
      const now = new Date();
      const events = decideIntake(intake.state, command(now.toISOString()));
      await then(intake);
      const { state, timeline } = fold(intake.state, events);
      return this.repository.change(intake, { state, personal: intake.personal, timeline, at: now });
    });
  }
}

function found(id: string, intake: IntakeDocument | null): IntakeDocument {
  if (!intake) throw new ProblemException({ status: 404, title: 'Not Found', detail: `No intake ${id} on this node.` });
  return intake;
}

function fold(
  from: IntakeState | undefined,
  events: readonly IntakeEvent[],
): { state: IntakeState; timeline: IntakeTimelineEntry[] } {
  let state = from;
  const timeline: IntakeTimelineEntry[] = [];
  for (const event of events) {
    state = evolveIntake(state, event);
    timeline.push({ at: event.data.at, event: event.type, status: state.status });
  }
  if (!state) throw new Error('an intake change needs at least one event');
  return { state, timeline };
}

function personOf(person: NonNullable<RecordIntakeRequest['person']>): IntakePerson {
  const { gender, ...rest } = person;
  return { ...rest, ...(gender ? { gender: normaliseGender(gender) as IntakePerson['gender'] } : {}) };
}
