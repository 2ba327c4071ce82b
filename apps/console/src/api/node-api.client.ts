import { createNodeApiClient, type NodeApiClient as TypedNodeApiClient } from '@enlace/client';
import { answerOf } from './typed-answer';
import type {
  CreateReferralRequest,
  CreateReturnRequest,
  IntakeList,
  IntakeReferralRequest,
  IntakeView,
  RecordIntakeRequest,
  ScreenIntakeRequest,
  OpenReintegrationRequest,
  ReintegrationList,
  ReintegrationStep,
  ReintegrationView,
  ReturnList,
  ReturnStep,
  ReturnView,
  ReferralAction,
  ReferralList,
  ReferralView,
  TokenResponse,
  CurrentUser,
  CaseListQuery,
  HtcdsExportQuery,
} from './node-api.types';

/**
 * A country's node API, reached through the console server's `/nodes/<CC>/api/v1`: the typed client of
 * libs/client (paths and bodies as the OpenAPI document says), with a failed answer thrown as an ApiProblem.
 */
export class NodeApiClient {
  private readonly api: TypedNodeApiClient;

  constructor(
    readonly country: string,
    token?: string,
  ) {
    this.api = createNodeApiClient({
      baseUrl: `${window.location.origin}/nodes/${encodeURIComponent(country)}/api/v1`,
      ...(token ? { token } : {}),
    });
  }

  issueToken(username: string, password: string): Promise<TokenResponse> {
    return answerOf(this.api.POST('/auth/token', { body: { username, password } }));
  }

  /** Who the node takes this token's holder for (after its role mapping): what a session shows and allows. */
  whoAmI(): Promise<CurrentUser> {
    return answerOf(this.api.GET('/auth/me'));
  }

  /** One page of the referrals; `query` is what work-filters.ts builds. */
  listReferrals(query: CaseListQuery, signal?: AbortSignal): Promise<ReferralList> {
    return answerOf(this.api.GET('/referrals', { params: { query }, signal }));
  }

  getReferral(id: string, signal?: AbortSignal): Promise<ReferralView> {
    return answerOf(this.api.GET('/referrals/{id}', { params: { path: { id } }, signal }));
  }

  createReferral(request: CreateReferralRequest): Promise<ReferralView> {
    return answerOf(this.api.POST('/referrals', { body: request }));
  }

  act(id: string, action: ReferralAction, body: Record<string, unknown>): Promise<ReferralView> {
    // Each action is a path of its own in the document; the step forms build the body each one takes.
    return answerOf(
      this.api.POST(`/referrals/{id}/${action}`, { params: { path: { id } }, body: body as never }),
    ) as Promise<ReferralView>;
  }

  listReturns(query: CaseListQuery, signal?: AbortSignal): Promise<ReturnList> {
    return answerOf(this.api.GET('/returns', { params: { query }, signal }));
  }

  getReturn(id: string, signal?: AbortSignal): Promise<ReturnView> {
    return answerOf(this.api.GET('/returns/{id}', { params: { path: { id } }, signal }));
  }

  createReturn(request: CreateReturnRequest): Promise<ReturnView> {
    return answerOf(this.api.POST('/returns', { body: request }));
  }

  returnStep(id: string, step: ReturnStep, body: Record<string, unknown>): Promise<ReturnView> {
    return answerOf(
      this.api.POST(`/returns/{id}/${step}`, { params: { path: { id } }, body: body as never }),
    ) as Promise<ReturnView>;
  }

  listReintegrations(query: CaseListQuery, signal?: AbortSignal): Promise<ReintegrationList> {
    return answerOf(this.api.GET('/reintegrations', { params: { query }, signal }));
  }

  getReintegration(id: string, signal?: AbortSignal): Promise<ReintegrationView> {
    return answerOf(this.api.GET('/reintegrations/{id}', { params: { path: { id } }, signal }));
  }

  openReintegration(request: OpenReintegrationRequest): Promise<ReintegrationView> {
    return answerOf(this.api.POST('/reintegrations', { body: request }));
  }

  reintegrationStep(id: string, step: ReintegrationStep, body: Record<string, unknown>): Promise<ReintegrationView> {
    return answerOf(
      this.api.POST(`/reintegrations/{id}/${step}`, { params: { path: { id } }, body: body as never }),
    ) as Promise<ReintegrationView>;
  }

  listIntakes(signal?: AbortSignal): Promise<IntakeList> {
    return answerOf(this.api.GET('/intakes', { signal }));
  }

  getIntake(id: string, signal?: AbortSignal): Promise<IntakeView> {
    return answerOf(this.api.GET('/intakes/{id}', { params: { path: { id } }, signal }));
  }

  recordIntake(request: RecordIntakeRequest): Promise<IntakeView> {
    return answerOf(this.api.POST('/intakes', { body: request }));
  }

  screenIntake(id: string, request: ScreenIntakeRequest): Promise<IntakeView> {
    return answerOf(this.api.POST('/intakes/{id}/screen', { params: { path: { id } }, body: request }));
  }

  eraseIntake(id: string): Promise<IntakeView> {
    return answerOf(this.api.POST('/intakes/{id}/erase', { params: { path: { id } } }));
  }

  referIntake(id: string, request: IntakeReferralRequest): Promise<ReferralView> {
    return answerOf(this.api.POST('/intakes/{id}/referral', { params: { path: { id } }, body: request }));
  }

  /**
   * The HTCDS export the node streams, as a file for the browser to save (the bearer token rules out a plain link),
   * with the file name the node gave it.
   */
  async exportHtcds(query: HtcdsExportQuery): Promise<{ file: Blob; fileName: string }> {
    const call = this.api.GET('/exports/htcds.csv', { params: { query }, parseAs: 'blob' });
    const file = await answerOf(call);
    const disposition = (await call).response.headers.get('content-disposition') ?? '';
    const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `enlace-${this.country}-htcds.csv`;
    return { file, fileName };
  }
}
