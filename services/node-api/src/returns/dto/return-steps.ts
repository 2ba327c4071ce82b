import { CaseRights, Role } from '@enlace/auth';
import type { ReturnCommand, ReturnCommandType } from '@enlace/protocols';

/** The body of a step, as its contract (Return<Step>Request in the OpenAPI document) has checked it. */
export type ReturnStepBody = Record<string, unknown>;

/** A command without its timing: the service adds `at` and, where the return then waits, `nextDueAt`. */
type UntimedCommand = { type: ReturnCommandType; data: Record<string, unknown> };

interface ReturnStepRule {
  readonly command: ReturnCommandType;
  /** The OpenAPI component that describes the step's body. */
  readonly schema: string;
  readonly roles: readonly Role[];
  readonly toCommand: (body: ReturnStepBody) => UntimedCommand;
}

const withReason = (body: ReturnStepBody) => (body['reason'] ? { reason: body['reason'] } : {});

function step(
  command: ReturnCommandType,
  schema: string,
  roles: readonly Role[],
  data: (body: ReturnStepBody) => Record<string, unknown> = () => ({}),
): ReturnStepRule {
  return { command, schema, roles, toCommand: (body) => ({ type: command, data: data(body) }) };
}

/**
 * Every step endpoint of a return (POST /returns/{id}/<step>), with its protocol command, body contract and
 * roles. Every step tells the other country, so every one is a focal point's: the receiving country's decisions
 * need `case.answer`, the sending country's records `case.write`.
 */
export const RETURN_STEPS = {
  'verify-nationality': step('VerifyNationality', 'ReturnNationalityRequest', CaseRights.answer, (body) => ({
    outcome: body['outcome'],
    ...withReason(body),
  })),
  'record-risk-assessment': step('RecordRiskAssessment', 'ReturnRiskAssessmentRequest', CaseRights.answer, (body) => ({
    result: body['result'],
    ...withReason(body),
  })),
  'appoint-guardian': step('AppointGuardian', 'EmptyStepRequest', CaseRights.answer),
  'record-best-interests': step(
    'RecordBestInterestsDetermination',
    'ReturnBestInterestsRequest',
    CaseRights.answer,
    (body) => ({ result: body['result'], ...withReason(body) }),
  ),
  'record-family-assessment': step(
    'RecordFamilyAssessment',
    'ReturnFamilyAssessmentRequest',
    CaseRights.answer,
    (body) => ({
      result: body['result'],
      ...withReason(body),
    }),
  ),
  'propose-reception-plan': step('ProposeReceptionPlan', 'EmptyStepRequest', CaseRights.answer),
  'confirm-reception-plan': step('ConfirmReceptionPlan', 'EmptyStepRequest', CaseRights.answer),
  'reject-reception-plan': step('RejectReceptionPlan', 'ReasonStepRequest', CaseRights.answer, (body) => ({
    reason: body['reason'],
  })),
  'issue-travel-documents': step('IssueTravelDocuments', 'EmptyStepRequest', CaseRights.answer),
  'schedule-travel': step('ScheduleTravel', 'ReturnTravelRequest', CaseRights.write, (body) => ({
    travelDate: body['travelDate'],
    route: body['route'],
    ...(body['escort'] ? { escort: body['escort'] } : {}),
  })),
  'record-departure': step('RecordDeparture', 'EmptyStepRequest', CaseRights.write),
  'record-no-show': step('RecordNoShow', 'OptionalReasonStepRequest', CaseRights.write, withReason),
  'record-arrival': step('RecordArrival', 'EmptyStepRequest', CaseRights.write),
  'hand-over': step('HandOverToReintegration', 'EmptyStepRequest', CaseRights.answer),
  suspend: step('SuspendReturn', 'ReasonStepRequest', CaseRights.answer, (body) => ({ reason: body['reason'] })),
  resume: step('ResumeReturn', 'EmptyStepRequest', CaseRights.answer),
  'cancel-by-person': step('CancelReturnByPerson', 'OptionalReasonStepRequest', CaseRights.write, withReason),
  'withdraw-consent': step('WithdrawReturnConsent', 'EmptyStepRequest', CaseRights.write),
} as const satisfies Record<string, ReturnStepRule>;

export type ReturnStep = keyof typeof RETURN_STEPS;

const STEP_BY_COMMAND = new Map(Object.entries(RETURN_STEPS).map(([name, rule]) => [rule.command, name as ReturnStep]));

/** The steps for the commands the protocol allows this end now, keeping those `roles` may take. */
export function returnStepsFor(commands: readonly ReturnCommandType[], roles?: readonly Role[]): ReturnStep[] {
  return commands.flatMap((command) => {
    const name = STEP_BY_COMMAND.get(command);
    if (!name) return [];
    const allowed = roles === undefined || RETURN_STEPS[name].roles.some((role) => roles.includes(role));
    return allowed ? [name] : [];
  });
}

/** The command of a step with its timing, ready for decideReturn. */
export function returnCommandOf(name: ReturnStep, body: ReturnStepBody, at: string, nextDueAt?: string): ReturnCommand {
  const untimed = RETURN_STEPS[name].toCommand(body);
  return { type: untimed.type, data: { ...untimed.data, at, ...(nextDueAt ? { nextDueAt } : {}) } } as ReturnCommand;
}
