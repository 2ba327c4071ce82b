import { fetchBlob, requestJson, sendBytes } from './http-client';
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
} from './node-api.types';

/** A country's node API, reached through the console server's `/nodes/<CC>/api/v1`. */
export class NodeApiClient {
  private readonly base: string;

  constructor(
    readonly country: string,
    private readonly token?: string,
  ) {
    this.base = `/nodes/${encodeURIComponent(country)}/api/v1`;
  }

  issueToken(username: string, password: string): Promise<TokenResponse> {
    return requestJson<TokenResponse>(`${this.base}/auth/token`, { method: 'POST', body: { username, password } });
  }

  /** Who the node takes this token's holder for (after its role mapping): what a session shows and allows. */
  whoAmI(): Promise<CurrentUser> {
    return requestJson<CurrentUser>(`${this.base}/auth/me`, this.options({}));
  }

  /** One page of the referrals; `query` is the list's query string (work-filters.ts builds it). */
  listReferrals(query: string, signal?: AbortSignal): Promise<ReferralList> {
    return requestJson<ReferralList>(`${this.base}/referrals?${query}`, this.options({ signal }));
  }

  getReferral(id: string, signal?: AbortSignal): Promise<ReferralView> {
    return requestJson<ReferralView>(`${this.base}/referrals/${encodeURIComponent(id)}`, this.options({ signal }));
  }

  createReferral(request: CreateReferralRequest): Promise<ReferralView> {
    return requestJson<ReferralView>(`${this.base}/referrals`, this.options({ method: 'POST', body: request }));
  }

  act(id: string, action: ReferralAction, body: Record<string, unknown>): Promise<ReferralView> {
    return requestJson<ReferralView>(
      `${this.base}/referrals/${encodeURIComponent(id)}/${action}`,
      this.options({ method: 'POST', body }),
    );
  }

  listReturns(query: string, signal?: AbortSignal): Promise<ReturnList> {
    return requestJson<ReturnList>(`${this.base}/returns?${query}`, this.options({ signal }));
  }

  getReturn(id: string, signal?: AbortSignal): Promise<ReturnView> {
    return requestJson<ReturnView>(`${this.base}/returns/${encodeURIComponent(id)}`, this.options({ signal }));
  }

  createReturn(request: CreateReturnRequest): Promise<ReturnView> {
    return requestJson<ReturnView>(`${this.base}/returns`, this.options({ method: 'POST', body: request }));
  }

  returnStep(id: string, step: ReturnStep, body: Record<string, unknown>): Promise<ReturnView> {
    return requestJson<ReturnView>(
      `${this.base}/returns/${encodeURIComponent(id)}/${step}`,
      this.options({ method: 'POST', body }),
    );
  }

  listReintegrations(query: string, signal?: AbortSignal): Promise<ReintegrationList> {
    return requestJson<ReintegrationList>(`${this.base}/reintegrations?${query}`, this.options({ signal }));
  }

  getReintegration(id: string, signal?: AbortSignal): Promise<ReintegrationView> {
    return requestJson<ReintegrationView>(
      `${this.base}/reintegrations/${encodeURIComponent(id)}`,
      this.options({ signal }),
    );
  }

  openReintegration(request: OpenReintegrationRequest): Promise<ReintegrationView> {
    return requestJson<ReintegrationView>(
      `${this.base}/reintegrations`,
      this.options({ method: 'POST', body: request }),
    );
  }

  reintegrationStep(id: string, step: ReintegrationStep, body: Record<string, unknown>): Promise<ReintegrationView> {
    return requestJson<ReintegrationView>(
      `${this.base}/reintegrations/${encodeURIComponent(id)}/${step}`,
      this.options({ method: 'POST', body }),
    );
  }

  listIntakes(signal?: AbortSignal): Promise<IntakeList> {
    return requestJson<IntakeList>(`${this.base}/intakes`, this.options({ signal }));
  }

  getIntake(id: string, signal?: AbortSignal): Promise<IntakeView> {
    return requestJson<IntakeView>(`${this.base}/intakes/${encodeURIComponent(id)}`, this.options({ signal }));
  }

  recordIntake(request: RecordIntakeRequest): Promise<IntakeView> {
    return requestJson<IntakeView>(`${this.base}/intakes`, this.options({ method: 'POST', body: request }));
  }

  screenIntake(id: string, request: ScreenIntakeRequest): Promise<IntakeView> {
    return requestJson<IntakeView>(
      `${this.base}/intakes/${encodeURIComponent(id)}/screen`,
      this.options({ method: 'POST', body: request }),
    );
  }

  eraseIntake(id: string): Promise<IntakeView> {
    return requestJson<IntakeView>(
      `${this.base}/intakes/${encodeURIComponent(id)}/erase`,
      this.options({ method: 'POST', body: {} }),
    );
  }

  referIntake(id: string, request: IntakeReferralRequest): Promise<ReferralView> {
    return requestJson<ReferralView>(
      `${this.base}/intakes/${encodeURIComponent(id)}/referral`,
      this.options({ method: 'POST', body: request }),
    );
  }

  /** The documents of a case, attached here or received from the other end. */
  listDocuments(caseId: string, signal?: AbortSignal): Promise<CaseDocumentList> {
    return requestJson<CaseDocumentList>(
      `${this.base}/cases/${encodeURIComponent(caseId)}/documents`,
      this.options({ signal }),
    );
  }

  /** Attaches a file to a case: its bytes as the body (the node finds its type from them), its kind in the query. */
  attachDocument(caseId: string, kind: DocumentKind, file: Blob): Promise<CaseDocument> {
    return sendBytes<CaseDocument>(
      `${this.base}/cases/${encodeURIComponent(caseId)}/documents?kind=${encodeURIComponent(kind)}`,
      this.token,
      file,
    );
  }

  downloadDocument(caseId: string, documentId: string): Promise<Blob> {
    return fetchBlob(
      `${this.base}/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/content`,
      this.token,
    );
  }

  /** The node's agencies, its gateway and the caller's. */
  listAgencies(signal?: AbortSignal): Promise<NodeAgencies> {
    return requestJson<NodeAgencies>(`${this.base}/agencies`, this.options({ signal }));
  }

  /** The agency that owns a case or an intake and those it is shared with. */
  caseSharing(id: string, signal?: AbortSignal): Promise<CaseSharing> {
    return requestJson<CaseSharing>(`${this.base}/cases/${encodeURIComponent(id)}/shares`, this.options({ signal }));
  }

  shareCase(id: string, agency: string, reason: string): Promise<CaseSharing> {
    return requestJson<CaseSharing>(
      `${this.base}/cases/${encodeURIComponent(id)}/shares/${encodeURIComponent(agency)}`,
      this.options({ method: 'PUT', body: { reason } }),
    );
  }

  unshareCase(id: string, agency: string): Promise<CaseSharing> {
    return requestJson<CaseSharing>(
      `${this.base}/cases/${encodeURIComponent(id)}/shares/${encodeURIComponent(agency)}`,
      this.options({ method: 'DELETE' }),
    );
  }

  private options(extra: {
    method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    body?: unknown;
    signal?: AbortSignal | undefined;
  }) {
    return {
      ...(this.token ? { token: this.token } : {}),
      ...(extra.method ? { method: extra.method } : {}),
      ...(extra.body !== undefined ? { body: extra.body } : {}),
      ...(extra.signal ? { signal: extra.signal } : {}),
    };
  }
}
