import { createMonitorApiClient, type MonitorApiClient as TypedMonitorApiClient } from '@enlace/client';
import type { MonitorApi } from '@enlace/contracts';
import { answerOf } from './typed-answer';
import type {
  DeadLetterList,
  DelayReport,
  FlowReport,
  MonitorUser,
  NodeHealthList,
  OverdueList,
  RedriveReport,
  RegionalStatisticsTable,
} from './monitor-api.types';
import type { TokenResponse } from './node-api.types';

/** The window of the flows and delays: its start and bucket size. */
export type ReportWindow = NonNullable<MonitorApi.operations['getFlows']['parameters']['query']>;

/**
 * The secretariat's monitor, reached through the console server's `/monitor/api/v1`: the typed client of
 * libs/client, with a failed answer thrown as an ApiProblem.
 */
export class MonitorApiClient {
  private readonly api: TypedMonitorApiClient;

  constructor(token?: string) {
    this.api = createMonitorApiClient({
      baseUrl: `${window.location.origin}/monitor/api/v1`,
      ...(token ? { token } : {}),
    });
  }

  issueToken(username: string, password: string): Promise<TokenResponse> {
    return answerOf(this.api.POST('/auth/token', { body: { username, password } }));
  }

  /** Who the monitor takes the token's holder for, after its role mapping (403 without a role of the secretariat). */
  whoAmI(): Promise<MonitorUser> {
    return answerOf(this.api.GET('/auth/me'));
  }

  flows(query: ReportWindow, signal?: AbortSignal): Promise<FlowReport> {
    return answerOf(this.api.GET('/flows', { params: { query }, signal }));
  }

  delays(query: ReportWindow, signal?: AbortSignal): Promise<DelayReport> {
    return answerOf(this.api.GET('/delays', { params: { query }, signal }));
  }

  openOverdueAnswers(signal?: AbortSignal): Promise<OverdueList> {
    return answerOf(this.api.GET('/overdue', { params: { query: { state: 'open' } }, signal }));
  }

  deadLetters(limit: number, signal?: AbortSignal): Promise<DeadLetterList> {
    return answerOf(this.api.GET('/dead-letters', { params: { query: { limit } }, signal }));
  }

  nodes(signal?: AbortSignal): Promise<NodeHealthList> {
    return answerOf(this.api.GET('/nodes', { signal }));
  }

  redrive(ids: string[]): Promise<RedriveReport> {
    return answerOf(this.api.POST('/dead-letters/redrive', { body: { ids } }));
  }

  regionalStatistics(signal?: AbortSignal): Promise<RegionalStatisticsTable> {
    return answerOf(this.api.GET('/regional-statistics', { signal }));
  }

  /** The regional statistics as CSV, for the browser to save as a file. */
  regionalStatisticsCsv(): Promise<Blob> {
    return answerOf(this.api.GET('/regional-statistics/csv', { parseAs: 'blob' }));
  }
}
