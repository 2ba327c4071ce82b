import { isRight, rolesWith, type Role } from '@enlace/auth';
import { nodeApiDocument } from '@enlace/contracts';
import { REINTEGRATION_STEPS } from '../../reintegrations/dto/reintegration-steps';
import { RETURN_STEPS } from '../../returns/dto/return-steps';

interface StepRule {
  readonly command: string;
  readonly schema: string;
  readonly roles: readonly Role[];
}

interface PostOperation {
  'x-enlace-right'?: string;
  requestBody?: { content?: { 'application/json'?: { schema?: { $ref?: string }; example?: unknown } } };
}

const paths = (nodeApiDocument as unknown as { paths: Record<string, { post?: PostOperation }> }).paths;

/** The step endpoints the OpenAPI document lists under /<route>/{id}/<step>. */
function documentedSteps(route: string): string[] {
  const prefix = `/${route}/{id}/`;
  return Object.keys(paths)
    .filter((path) => path.startsWith(prefix) && paths[path]?.post)
    .map((path) => path.slice(prefix.length));
}

/**
 * The HTTP side of each step-by-step protocol is a table: step name -> protocol command, body contract, roles.
 * Given the table and the OpenAPI document, each must say the same as the other, and every command a user takes
 * must have its step.
 */
describe.each([
  {
    route: 'returns',
    steps: RETURN_STEPS as Readonly<Record<string, StepRule>>,
    // Taken by the service or by the arrival of a message, never by a step endpoint.
    internal: ['RequestReturn', 'ReceiveReturnRequest', 'RecordReturnDelivery'],
    commands: [
      'RequestReturn',
      'ReceiveReturnRequest',
      'RecordReturnDelivery',
      'VerifyNationality',
      'RecordRiskAssessment',
      'AppointGuardian',
      'RecordBestInterestsDetermination',
      'RecordFamilyAssessment',
      'ProposeReceptionPlan',
      'ConfirmReceptionPlan',
      'RejectReceptionPlan',
      'IssueTravelDocuments',
      'ScheduleTravel',
      'RecordDeparture',
      'RecordNoShow',
      'RecordArrival',
      'HandOverToReintegration',
      'SuspendReturn',
      'ResumeReturn',
      'CancelReturnByPerson',
      'WithdrawReturnConsent',
    ],
  },
  {
    route: 'reintegrations',
    steps: REINTEGRATION_STEPS as Readonly<Record<string, StepRule>>,
    internal: ['OpenReintegration', 'ReceiveReintegration'],
    commands: [
      'OpenReintegration',
      'ReceiveReintegration',
      'AgreePlan',
      'StartImplementation',
      'StartMonitoring',
      'ReportFollowUp',
      'ResolveRiskReview',
      'CloseReintegration',
      'ReReferral',
      'WithdrawReintegrationConsent',
    ],
  },
])('the $route step table', ({ route, steps, internal, commands }) => {
  it('should have a step for every endpoint of the document, and an endpoint for every step', () => {
    expect(Object.keys(steps).sort()).toEqual(documentedSteps(route).sort());
  });

  it.each(Object.entries(steps))('should give %s the body contract the document names', (name, rule) => {
    const body = paths[`/${route}/{id}/${name}`]?.post?.requestBody?.content?.['application/json'];
    expect(body?.schema?.$ref).toBe(`#/components/schemas/${rule.schema}`);
  });

  it.each(Object.entries(steps))('should let exactly the roles of the document’s right take %s', (name, rule) => {
    const right = paths[`/${route}/{id}/${name}`]?.post?.['x-enlace-right'];
    if (!isRight(right)) throw new Error(`${name} names no known right`);
    expect([...rule.roles].sort()).toEqual(rolesWith(right).sort());
  });

  it('should map every command a user takes to exactly one step, and no step to an internal command', () => {
    const taken = Object.values(steps).map((rule) => rule.command);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.sort()).toEqual(commands.filter((command) => !internal.includes(command)).sort());
  });
});

describe('the return step table turning a body into a command', () => {
  it('should carry the escort of a travel when given, and leave it out when not', () => {
    const travel = { travelDate: '2026-06-10T13:00:00Z', route: 'EZE-VVI' };
    expect(RETURN_STEPS['schedule-travel'].toCommand({ ...travel, escort: { role: 'social-worker' } })).toEqual({
      type: 'ScheduleTravel',
      data: { ...travel, escort: { role: 'social-worker' } },
    });
    expect(RETURN_STEPS['schedule-travel'].toCommand(travel).data).toEqual(travel);
  });

  it('should carry an optional reason only when one was written', () => {
    expect(RETURN_STEPS['record-no-show'].toCommand({})).toEqual({ type: 'RecordNoShow', data: {} });
    expect(RETURN_STEPS['cancel-by-person'].toCommand({ reason: 'stays' }).data).toEqual({ reason: 'stays' });
  });
});
