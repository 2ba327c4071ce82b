import { createNodeApiClient } from './node-api.client';

/** A fetch that records the request and answers `status` with `body` as JSON. */
function answering(status: number, body: unknown) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    const type = status < 400 ? 'application/json' : 'application/problem+json';
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
  };
  return { seen, fetch };
}

describe('createNodeApiClient', () => {
  it('should build the path from its template, encoding the parameters, and send the bearer token', async () => {
    const { seen, fetch } = answering(200, { id: 'a/b' });
    const client = createNodeApiClient({ baseUrl: 'http://node.test/api/v1', token: 'T0K', fetch });

    await client.POST('/referrals/{id}/accept', { params: { path: { id: 'a/b' } }, body: {} });

    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('http://node.test/api/v1/referrals/a%2Fb/accept');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer T0K');
    expect(await seen[0]?.text()).toBe('{}');
  });

  it('should put the query parameters of a list in the query string', async () => {
    const { seen, fetch } = answering(200, { items: [] });
    const client = createNodeApiClient({ baseUrl: 'http://node.test/api/v1', fetch });

    await client.GET('/referrals', { params: { query: { direction: 'incoming', overdue: true, limit: 25 } } });

    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe('/api/v1/referrals');
    expect(Object.fromEntries(url.searchParams)).toEqual({ direction: 'incoming', overdue: 'true', limit: '25' });
    expect(seen[0]?.headers.has('authorization')).toBe(false);
  });

  it('should answer a problem as the error, with no data', async () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, code: 'not-found' };
    const { fetch } = answering(404, problem);
    const client = createNodeApiClient({ baseUrl: 'http://node.test/api/v1', token: 'T0K', fetch });

    const answer = await client.GET('/referrals/{id}', { params: { path: { id: 'missing' } } });

    expect(answer.data).toBeUndefined();
    expect(answer.error).toEqual(problem);
    expect(answer.response.status).toBe(404);
  });
});
