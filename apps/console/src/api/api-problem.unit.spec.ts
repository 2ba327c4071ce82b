import { ApiProblem, problemFromBody } from './api-problem';

describe('problemFromBody', () => {
  it('should keep the title, detail and field errors of a problem+json body', () => {
    const problem = problemFromBody(400, 'Bad Request', {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request body is not valid.',
      errors: [{ field: '/person/firstName', message: 'must NOT have fewer than 1 characters' }, { bogus: 1 }],
    });
    expect(problem).toBeInstanceOf(ApiProblem);
    expect([problem.status, problem.title, problem.detail]).toEqual([
      400,
      'Bad Request',
      'The request body is not valid.',
    ]);
    expect(problem.errors).toEqual([{ field: '/person/firstName', message: 'must NOT have fewer than 1 characters' }]);
  });

  it('should fall back to the status text when the body is not a problem', () => {
    const problem = problemFromBody(502, 'Bad Gateway', undefined);
    expect([problem.title, problem.detail, problem.errors]).toEqual(['Bad Gateway', undefined, []]);
  });
});
