import { ApiProblem, problemFromBody } from './api-problem';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  token?: string;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * JSON in, JSON out, on the console's own origin: the console server's own documents (the APIs are called through
 * libs/client's typed clients). A failed answer becomes an ApiProblem.
 */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'omit',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiProblem(0, 'Network error');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw problemFromBody(response.status, response.statusText, body);
  return body as T;
}

/** Bytes sent as the body as they are (a document attached to a case); the JSON answer, or an ApiProblem. */
export async function sendBytes<T>(url: string, token: string | undefined, content: Blob): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'content-type': 'application/octet-stream',
  };
  if (token) headers['authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, credentials: 'omit', body: content });
  } catch {
    throw new ApiProblem(0, 'Network error');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw problemFromBody(response.status, response.statusText, body);
  return body as T;
}

/** A file's bytes (a document of a case), or an ApiProblem. */
export async function fetchBlob(url: string, token: string | undefined): Promise<Blob> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, credentials: 'omit' });
  } catch {
    throw new ApiProblem(0, 'Network error');
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    throw problemFromBody(response.status, response.statusText, body);
  }
  return response.blob();
}
