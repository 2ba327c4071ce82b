import { ProblemDetails, problemType } from './problem-details';

/** Thrown anywhere in an API (node-api, the monitor) to answer with a given problem; the filter writes it out. */
export class ProblemException extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: Omit<ProblemDetails, 'type'> & { type?: string }) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
    this.problem = { ...problem, type: problem.type ?? problemType(problem.status) };
  }
}
