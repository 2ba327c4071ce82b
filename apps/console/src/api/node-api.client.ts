import { sendBytes } from './http-client';
import { createNodeApiClient, type NodeApiClient as TypedNodeApiClient } from '@enlace/client';
import { answerOf } from './typed-answer';
import type { NamedFile } from './saved-file';
import type {
  CaseDocument,
  CaseDocumentList,
  DocumentKind,
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
  CaseSharing,
  NodeAgencies,
  CaseListQuery,
  HtcdsExportQuery,
  AuditRecordList,
  AuditRecordQuery,
  AuditRecordExportQuery,
} from './node-api.types';

/**
 * A country's node API, reached through the console server's `/nodes/<CC>/api/v1`: the typed client of
 * libs/client (paths and bodies as the OpenAPI document says), with a failed answer thrown as an ApiProblem.
 */
export class NodeApiClient {
  private readonly api: TypedNodeApiClient;
  private readonly baseUrl: string;

  constructor(
    readonly country: string,
    private readonly token?: string,
  ) {
    this.baseUrl = `${window.location.origin}/nodes/${encodeURIComponent(country)}/api/v1`;
    this.api = createNodeApiClient({ baseUrl: this.baseUrl, ...(token ? { token } : {}) });
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

  /** One page of the node's audit log (right audit.read), newest first unless `query.sort` says otherwise. */
  listAuditRecords(query: AuditRecordQuery, signal?: AbortSignal): Promise<AuditRecordList> {
    return answerOf(this.api.GET('/audit/records', { params: { query }, signal }));
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

  /** Joins the intake to an existing case of the same person (a referral or a return this user may read). */
  mergeIntake(id: string, caseId: string): Promise<IntakeView> {
    return answerOf(this.api.POST('/intakes/{id}/merge', { params: { path: { id } }, body: { caseId } }));
  }

  eraseIntake(id: string): Promise<IntakeView> {
    return answerOf(this.api.POST('/intakes/{id}/erase', { params: { path: { id } } }));
  }

  referIntake(id: string, request: IntakeReferralRequest): Promise<ReferralView> {
    return answerOf(this.api.POST('/intakes/{id}/referral', { params: { path: { id } }, body: request }));
  }

  /** The documents of a case, attached here or received from the other end. */
  listDocuments(caseId: string, signal?: AbortSignal): Promise<CaseDocumentList> {
    return answerOf(this.api.GET('/cases/{caseId}/documents', { params: { path: { caseId } }, signal }));
  }

  /**
   * Attaches a file to a case: its bytes as the body (the node finds its type from them), its kind in the query.
   * Sent as raw bytes, which the typed client would serialise as JSON.
   */
  attachDocument(caseId: string, kind: DocumentKind, file: Blob): Promise<CaseDocument> {
    return sendBytes<CaseDocument>(
      `${this.baseUrl}/cases/${encodeURIComponent(caseId)}/documents?kind=${encodeURIComponent(kind)}`,
      this.token,
      file,
    );
  }

  downloadDocument(caseId: string, documentId: string): Promise<Blob> {
    return answerOf(
      this.api.GET('/cases/{caseId}/documents/{documentId}/content', {
        params: { path: { caseId, documentId } },
        parseAs: 'blob',
      }),
    );
  }

  /** The node's agencies, its gateway and the caller's. */
  listAgencies(signal?: AbortSignal): Promise<NodeAgencies> {
    return answerOf(this.api.GET('/agencies', { signal }));
  }

  /** The agency that owns a case or an intake and those it is shared with. */
  caseSharing(id: string, signal?: AbortSignal): Promise<CaseSharing> {
    return answerOf(this.api.GET('/cases/{id}/shares', { params: { path: { id } }, signal }));
  }

  shareCase(id: string, agency: string, reason: string): Promise<CaseSharing> {
    return answerOf(
      this.api.PUT('/cases/{id}/shares/{agency}', { params: { path: { id, agency } }, body: { reason } }),
    );
  }

  unshareCase(id: string, agency: string): Promise<CaseSharing> {
    return answerOf(this.api.DELETE('/cases/{id}/shares/{agency}', { params: { path: { id, agency } } }));
  }

  /**
   * The HTCDS export the node streams, as a file for the browser to save (the bearer token rules out a plain link),
   * with the file name the node gave it.
   */
  exportHtcds(query: HtcdsExportQuery): Promise<NamedFile> {
    return this.download(this.api.GET('/exports/htcds.csv', { params: { query }, parseAs: 'blob' }), 'htcds');
  }

  /** The node's audit log, or the part the filters keep, as a CSV file to save (right audit.read). */
  exportAuditRecords(query: AuditRecordExportQuery): Promise<NamedFile> {
    return this.download(this.api.GET('/audit/records.csv', { params: { query }, parseAs: 'blob' }), 'audit');
  }

  /** A file the node streams, with the name it gave it (or `enlace-<country>-<kind>.csv`). */
  private async download(call: Promise<{ data?: Blob; response: Response }>, kind: string): Promise<NamedFile> {
    const file = await answerOf(call);
    const disposition = (await call).response.headers.get('content-disposition') ?? '';
    const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `enlace-${this.country}-${kind}.csv`;
    return { file, fileName };
  }
}
