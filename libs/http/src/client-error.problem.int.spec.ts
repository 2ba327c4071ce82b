import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { answerClientErrorsWithProblems } from './client-error.problem';

// A real HTTP server and client on the loopback (Node's own parser decides what is refused).
describe(answerClientErrorsWithProblems, () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    answerClientErrorsWithProblems(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function get(headers: Record<string, string>): Promise<{ status: number; type?: string; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/v1/referrals', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('should answer a 20 KB bearer token with a 431 problem', async () => {
    const answer = await get({ authorization: `Bearer ${'a'.repeat(20_000)}` });

    expect(answer.status).toBe(431);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({
      type: 'urn:enlace:problem:request-header-fields-too-large',
      title: 'Request Header Fields Too Large',
      status: 431,
    });
  });

  it('should still serve a request of ordinary size', async () => {
    const answer = await get({ authorization: 'Bearer short' });

    expect(answer).toMatchObject({ status: 200, body: 'ok' });
  });
});
