/** A small HTTP client of a node API for tests and tools: JSON in, JSON (or problem+json) out. */
export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: T;
}

export class NodeApiClient {
  constructor(
    readonly apiUrl: string,
    private token?: string,
  ) {}

  async login(username: string, password: string): Promise<this> {
    const response = await this.request<{ accessToken: string }>('POST', '/auth/token', { username, password });
    if (response.status !== 200)
      throw new Error(`login of ${username} at ${this.apiUrl} failed: HTTP ${response.status}`);
    this.token = response.body.accessToken;
    return this;
  }

  withToken(token: string | undefined): NodeApiClient {
    return new NodeApiClient(this.apiUrl, token);
  }

  get bearer(): string | undefined {
    return this.token;
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.apiUrl}/api/v1${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      contentType,
      headers: response.headers,
      // JSON answers parsed; any other (a CSV export) as its text.
      body: (text ? (contentType.includes('json') ? JSON.parse(text) : text) : {}) as T,
    };
  }
}
