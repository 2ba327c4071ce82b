import { ParseBoolPipe } from '@nestjs/common';
import { ProblemException } from '@enlace/http';

/** The `overdue` query flag of the case lists: true or false, else 400 naming it. */
export const overdueFlag = new ParseBoolPipe({
  optional: true,
  exceptionFactory: () =>
    new ProblemException({
      status: 400,
      title: 'Bad Request',
      detail: 'The parameter overdue is not valid.',
      errors: [{ field: 'overdue', message: 'must be true or false' }],
    }),
});
