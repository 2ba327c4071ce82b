import type { Middleware } from 'openapi-fetch';

/** Sends `token` as the bearer of every request, unless the request names its own authorization. */
export function bearerToken(token: string): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}
