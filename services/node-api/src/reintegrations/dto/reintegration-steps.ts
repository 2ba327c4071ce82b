import { CaseRights, Role } from '@enlace/auth';
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

/** Every step endpoint of a reintegration (POST /reintegrations/{id}/<step>), its command, body and roles. */
export const REINTEGRATION_STEPS = {
  'agree-plan': {
    command: 'AgreePlan',
    schema: 'ReintegrationPlanRequest',
    roles: CaseRights.answer,
    data: (body) => ({ supportTypes: body['supportTypes'], plannedEndDate: body['plannedEndDate'] }),
  },
  'start-implementation': {
    command: 'StartImplementation',
    schema: 'ReturnEmptyStepRequest',
    roles: CaseRights.write,
    data: none,
  },
  'start-monitoring': {
    command: 'StartMonitoring',
    schema: 'ReturnEmptyStepRequest',
    roles: CaseRights.write,
    data: none,
  },
  'report-follow-up': {
    command: 'ReportFollowUp',
    schema: 'ReintegrationFollowUpRequest',
    roles: CaseRights.write,
    data: (body) => ({
      sequence: body['sequence'],
      wellbeing: body['wellbeing'],
      signsOfRetrafficking: body['signsOfRetrafficking'],
    }),
  },
  'resolve-risk-review': {
    command: 'ResolveRiskReview',
    schema: 'ReintegrationRiskReviewRequest',
    roles: CaseRights.answer,
    data: (body) => ({ outcome: body['outcome'], reason: body['reason'] }),
  },
  close: {
    command: 'CloseReintegration',
    schema: 'ReintegrationCloseRequest',
    roles: CaseRights.answer,
    data: (body) => ({ reason: body['reason'] }),
  },
  're-refer': {
    command: 'ReReferral',
    schema: 'ReturnReasonRequest',
    roles: CaseRights.answer,
    data: (body) => ({ reason: body['reason'] }),
  },
  'withdraw-consent': {
    command: 'WithdrawReintegrationConsent',
    schema: 'ReturnEmptyStepRequest',
    roles: CaseRights.write,
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

export function isReintegrationStep(name: string): name is ReintegrationStep {
  return Object.prototype.hasOwnProperty.call(REINTEGRATION_STEPS, name);
}

export function reintegrationStepsFor(
  commands: readonly ReintegrationCommandType[],
  roles?: readonly Role[],
): ReintegrationStep[] {
  return commands.flatMap((command) => {
    const name = STEP_BY_COMMAND.get(command);
    if (!name) return [];
    const allowed = roles === undefined || REINTEGRATION_STEPS[name].roles.some((role) => roles.includes(role));
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
