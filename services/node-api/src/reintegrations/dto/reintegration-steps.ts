import { ReintegrationRights, Right, Role, holdsRight } from '@enlace/auth';
import type { ReintegrationCommand, ReintegrationCommandType } from '@enlace/protocols';

export type ReintegrationStepBody = Record<string, unknown>;

interface ReintegrationStepRule {
  readonly command: ReintegrationCommandType;
  /** The OpenAPI component that describes the step's body. */
  readonly schema: string;
  readonly roles: readonly Role[];
  readonly data: (body: ReintegrationStepBody) => Record<string, unknown>;
}

const none = (): Record<string, unknown> => ({});

/**
 * Every step endpoint of a reintegration (POST /reintegrations/{id}/<step>), its command, body and roles. The roles
 * are for the work inside the country; a step that tells the sending country is a focal point's (AgencyScope).
 */
export const REINTEGRATION_STEPS = {
  'agree-plan': {
    command: 'AgreePlan',
    schema: 'ReintegrationPlanRequest',
    roles: ReintegrationRights.decide,
    data: (body) => ({ supportTypes: body['supportTypes'], plannedEndDate: body['plannedEndDate'] }),
  },
  'start-implementation': {
    command: 'StartImplementation',
    schema: 'EmptyStepRequest',
    roles: ReintegrationRights.record,
    data: none,
  },
  'start-monitoring': {
    command: 'StartMonitoring',
    schema: 'EmptyStepRequest',
    roles: ReintegrationRights.record,
    data: none,
  },
  'report-follow-up': {
    command: 'ReportFollowUp',
    schema: 'ReintegrationFollowUpRequest',
    roles: ReintegrationRights.record,
    data: (body) => ({
      sequence: body['sequence'],
      wellbeing: body['wellbeing'],
      signsOfRetrafficking: body['signsOfRetrafficking'],
    }),
  },
  'resolve-risk-review': {
    command: 'ResolveRiskReview',
    schema: 'ReintegrationRiskReviewRequest',
    roles: ReintegrationRights.decide,
    data: (body) => ({ outcome: body['outcome'], reason: body['reason'] }),
  },
  close: {
    command: 'CloseReintegration',
    schema: 'ReintegrationCloseRequest',
    roles: ReintegrationRights.decide,
    data: (body) => ({ reason: body['reason'] }),
  },
  're-refer': {
    command: 'ReReferral',
    schema: 'ReasonStepRequest',
    roles: ReintegrationRights.decide,
    data: (body) => ({ reason: body['reason'] }),
  },
  'withdraw-consent': {
    command: 'WithdrawReintegrationConsent',
    schema: 'EmptyStepRequest',
    roles: ReintegrationRights.record,
    data: none,
  },
} as const satisfies Record<string, ReintegrationStepRule>;

export type ReintegrationStep = keyof typeof REINTEGRATION_STEPS;

const STEP_BY_COMMAND = new Map(
  Object.entries(REINTEGRATION_STEPS).map(([name, rule]) => [
    rule.command as ReintegrationCommandType,
    name as ReintegrationStep,
  ]),
);

/**
 * The steps for the commands the protocol allows this end now, keeping those `roles` may take. `sendingRight`: the
 * right a step needs besides its own when it would tell the other country now (the person consented to it), so that
 * a case worker is not offered a step the node would refuse them (AgencyScope).
 */
export function reintegrationStepsFor(
  commands: readonly ReintegrationCommandType[],
  roles?: readonly Role[],
  sendingRight?: Right,
): ReintegrationStep[] {
  return commands.flatMap((command) => {
    const name = STEP_BY_COMMAND.get(command);
    if (!name) return [];
    const allowed =
      roles === undefined ||
      (REINTEGRATION_STEPS[name].roles.some((role) => roles.includes(role)) &&
        (sendingRight === undefined || holdsRight(roles, sendingRight)));
    return allowed ? [name] : [];
  });
}

export function reintegrationCommandOf(
  name: ReintegrationStep,
  body: ReintegrationStepBody,
  at: string,
): ReintegrationCommand {
  const rule: ReintegrationStepRule = REINTEGRATION_STEPS[name];
  return { type: rule.command, data: { ...rule.data(body), at } } as ReintegrationCommand;
}
