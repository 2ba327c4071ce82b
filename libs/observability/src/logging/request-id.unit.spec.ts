import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdOf } from './request-id';

function exchange(given?: string): { request: IncomingMessage; response: ServerResponse; echoed: () => unknown } {
  const headers: Record<string, unknown> = {};
  const request = { headers: given === undefined ? {} : { 'x-request-id': given } } as unknown as IncomingMessage;
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name] = value),
  } as unknown as ServerResponse;
  return { request, response, echoed: () => headers['X-Request-Id'] };
}

describe('requestIdOf', () => {
  it('should take a well-formed id from the caller and echo it', () => {
    const { request, response, echoed } = exchange('4b1c3f0e-9d2a-4c55-8f31-0a9e2b7c6d11');
    expect(requestIdOf(request, response)).toBe('4b1c3f0e-9d2a-4c55-8f31-0a9e2b7c6d11');
    expect(echoed()).toBe('4b1c3f0e-9d2a-4c55-8f31-0a9e2b7c6d11');
  });

  it.each([
    ['a sentence', 'Maria Lopez asked for this'],
    ['a header injection attempt', 'abc123456\r\nSet-Cookie: x=y'],
    ['an endless id', 'x'.repeat(129)],
    ['a too short id', 'abc'],
  ])('should make a new id for %s', (_what, given) => {
    const { request, response, echoed } = exchange(given);
    const id = requestIdOf(request, response);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(echoed()).toBe(id);
  });

  it('should make a new id when none is given', () => {
    const { request, response } = exchange();
    expect(requestIdOf(request, response)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
