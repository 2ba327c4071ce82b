import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '@enlace/http';
import { apiRequestValidator } from '../common/validation/api-request.validator';
import { auditRecordDigest, decodeAuditRecordCursor } from './persistence/audit-record-cursor';
import {
  AUDIT_RECORD_DEFAULT_LIMIT,
  type AuditRecordFilter,
  type AuditRecordQuery,
  type AuditRecordSort,
} from './persistence/audit-record.query';

const parameterSchema = (name: string): string => `#/components/parameters/${name}/schema`;

/**
 * The query of the audit log's list (from, to, action, user, sort, limit, cursor), each parameter checked against its
 * schema in node-api's contract: a bad one is answered 400 naming it (422 for a range that ends before it starts).
 * The cursor must be one this node made for the same filters and sort.
 */
@Injectable()
export class AuditRecordQueryPipe implements PipeTransform {
  transform(raw: unknown): AuditRecordQuery {
    const query = (raw ?? {}) as Record<string, unknown>;
    const text = (name: string, schema: string): string | undefined => {
      const value = query[name];
      if (value === undefined) return undefined;
      if (typeof value !== 'string') throw badParameter(name, 'must be given once');
      const violation = apiRequestValidator.validate(parameterSchema(schema), value)[0];
      if (violation) throw badParameter(name, violation.message);
      return value;
    };
    const instant = (name: string, schema: string): Date | undefined => {
      const value = text(name, schema);
      return value === undefined ? undefined : new Date(value);
    };
    let limit = AUDIT_RECORD_DEFAULT_LIMIT;
    const limitText = query['limit'];
    if (limitText !== undefined) {
      if (typeof limitText !== 'string') throw badParameter('limit', 'must be given once');
      const value = /^-?\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
      const violation = apiRequestValidator.validate(parameterSchema('ListLimit'), value)[0];
      if (violation) throw badParameter('limit', violation.message);
      limit = value;
    }
    const from = instant('from', 'AuditFrom');
    const to = instant('to', 'AuditTo');
    const action = text('action', 'AuditAction');
    const user = text('user', 'AuditUser');
    const sort = (text('sort', 'AuditSort') ?? 'newest') as AuditRecordSort;
    if (from && to && to.getTime() <= from.getTime()) {
      throw new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: 'The parameter to is not after from.',
        errors: [{ field: 'to', message: 'must be after from' }],
      });
    }
    const filter: AuditRecordFilter = {
      ...(from && { from }),
      ...(to && { to }),
      ...(action !== undefined && { action }),
      ...(user !== undefined && { user }),
    };
    const cursor = text('cursor', 'ListCursor');
    const afterSeq =
      cursor === undefined ? undefined : decodeAuditRecordCursor(cursor, sort, auditRecordDigest(filter));
    if (cursor !== undefined && afterSeq === undefined) {
      throw badParameter('cursor', 'must be the nextCursor of a page of this list, with the same filters and sort');
    }
    return { ...filter, sort, limit, ...(afterSeq !== undefined && { afterSeq }) };
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
