import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '@enlace/http';
import { apiRequestValidator } from '../../common/validation/api-request.validator';
import type { HtcdsExportFilter } from '../domain/htcds-export.filter';

const OPERATION = '#/paths/~1exports~1htcds.csv/get/parameters';

/**
 * The filters of the HTCDS export (protocol, direction, createdFrom, createdTo), each checked against its schema in
 * node-api's contract: a bad one is answered 400 naming it (422 for a period that ends before it starts).
 */
@Injectable()
export class HtcdsExportQueryPipe implements PipeTransform {
  transform(raw: unknown): HtcdsExportFilter {
    const query = (raw ?? {}) as Record<string, unknown>;
    const text = (name: string, schema: string): string | undefined => {
      const value = query[name];
      if (value === undefined) return undefined;
      if (typeof value !== 'string') throw badParameter(name, 'must be given once');
      const violation = apiRequestValidator.validate(schema, value)[0];
      if (violation) throw badParameter(name, violation.message);
      return value;
    };
    const protocol = text('protocol', `${OPERATION}/0/schema`);
    const direction = text('direction', '#/components/schemas/CaseDirection');
    const from = text('createdFrom', '#/components/parameters/ListCreatedFrom/schema');
    const to = text('createdTo', '#/components/parameters/ListCreatedTo/schema');
    const createdFrom = from === undefined ? undefined : new Date(from);
    const createdTo = to === undefined ? undefined : new Date(to);
    if (createdFrom && createdTo && createdTo.getTime() <= createdFrom.getTime()) {
      throw new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: 'The parameter createdTo is not after createdFrom.',
        errors: [{ field: 'createdTo', message: 'must be after createdFrom' }],
      });
    }
    return {
      ...(protocol ? { protocol: protocol as HtcdsExportFilter['protocol'] } : {}),
      ...(direction ? { direction: direction as HtcdsExportFilter['direction'] } : {}),
      ...(createdFrom ? { createdFrom } : {}),
      ...(createdTo ? { createdTo } : {}),
    };
  }
}

function badParameter(name: string, message: string): ProblemException {
  return new ProblemException({
    status: 400,
    title: 'Bad Request',
    detail: `The parameter ${name} is not valid.`,
    errors: [{ field: name, message }],
  });
}
