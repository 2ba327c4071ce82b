import { requestJson } from './http-client';
import type { TokenResponse } from './node-api.types';

/** The secretariat's monitor, reached through the console server's `/monitor/api/v1`. */
export class MonitorApiClient {
  private readonly base = '/monitor/api/v1';

  constructor(private readonly token?: string) {}

  issueToken(username: string, password: string): Promise<TokenResponse> {
    return requestJson<TokenResponse>(`${this.base}/auth/token`, { method: 'POST', body: { username, password } });
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return requestJson<T>(`${this.base}${path}`, {
      ...(this.token ? { token: this.token } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return requestJson<T>(`${this.base}${path}`, {
      method: 'POST',
      body,
      ...(this.token ? { token: this.token } : {}),
    });
  }
}
