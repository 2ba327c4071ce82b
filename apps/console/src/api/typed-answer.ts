import { ApiProblem, problemFromBody } from './api-problem';

/** What a call of a typed client (libs/client) answers: the body on 2xx, the problem otherwise. */
interface TypedAnswer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Waits for a typed client's call and keeps its body; a failed answer becomes an ApiProblem, and a request that did
 * not reach the server one of status 0 (a cancelled request stays an AbortError, which the pages ignore).
 */
export async function answerOf<T>(call: Promise<TypedAnswer<T>>): Promise<T> {
  let answer: TypedAnswer<T>;
  try {
    answer = await call;
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiProblem(0, 'Network error');
  }
  const { response } = answer;
  if (!response.ok) throw problemFromBody(response.status, response.statusText, answer.error);
  return answer.data as T;
}
