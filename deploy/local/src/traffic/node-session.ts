/** What a node answered: the status and the JSON body (a problem's body is never printed: it may echo input). */
export interface NodeAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A demo user's session at one node's API: logs in once, and again when the token has expired. */
export class NodeSession {
  private token: string | undefined;

  constructor(
    readonly country: string,
    private readonly apiUrl: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<NodeAnswer> {
    if (!this.token) await this.login();
    let answer = await this.send(method, path, body);
    if (answer.status === 401) {
      await this.login();
      answer = await this.send(method, path, body);
    }
    return answer;
  }

  private async login(): Promise<void> {
    const answer = await this.send('POST', '/auth/token', { username: this.username, password: this.password });
    const token = answer.body['accessToken'];
    if (answer.status !== 200 || typeof token !== 'string') {
      throw new Error(`${this.country}: login failed (HTTP ${answer.status})`);
    }
    this.token = token;
  }

  private async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<NodeAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token && path !== '/auth/token') headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.apiUrl}/api/v1${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = {};
    }
    return { status: response.status, body: parsed };
  }
}
