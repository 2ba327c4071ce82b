import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '@enlace/http';
import { caseListDigest, decodeCaseListCursor } from '../../cases/persistence/case-list-cursor';
import {
  CASE_LIST_DEFAULT_LIMIT,
  type CaseListFilter,
  type CaseListQuery,
  type CaseListSort,
} from '../../cases/persistence/case-list.query';
import { apiRequestValidator } from './api-request.validator';

/** Where one protocol's list takes its schemas from in node-api's contract. */
export interface CaseListSchemas {
  readonly direction: string;
  readonly status: string;
  /** Only referrals have an urgency. */
  readonly urgency?: boolean;
}

const parameterSchema = (name: string): string => `#/components/parameters/${name}/schema`;

/**
 * The query of a case list (direction, status, stage, counterpart, agency, urgency, overdue, dueBefore, createdFrom,
 * createdTo, q, sort, limit, cursor), each parameter checked against its schema in node-api's contract: a bad one is
 * answered 400 naming it (422 for a date range that ends before it starts), never ignored or cut to fit. The cursor
 * must be one this node made for the same filters and sort. Parameters the list does not know are left aside.
 */
@Injectable()
export class CaseListQueryPipe implements PipeTransform {
  constructor(private readonly schemas: CaseListSchemas) {}

  transform(raw: unknown, _metadata?: unknown, now: Date = new Date()): CaseListQuery {
    const query = (raw ?? {}) as Record<string, unknown>;
    const text = (name: string, schema: string): string | undefined => {
      const value = query[name];
      if (value === undefined) return undefined;
      if (typeof value !== 'string') throw badParameter(name, 'must be given once');
      const violation = apiRequestValidator.validate(schema, value)[0];
      if (violation) throw badParameter(name, violation.message);
      return value;
    };
    const instant = (name: string, schema: string): Date | undefined => {
      const value = text(name, schema);
      return value === undefined ? undefined : new Date(value);
    };
    const limitText = query['limit'];
    let limit = CASE_LIST_DEFAULT_LIMIT;
    if (limitText !== undefined) {
      if (typeof limitText !== 'string') throw badParameter('limit', 'must be given once');
      const value = /^-?\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
      const violation = apiRequestValidator.validate(parameterSchema('ListLimit'), value)[0];
      if (violation) throw badParameter('limit', violation.message);
      limit = value;
    }
    const overdueText = query['overdue'];
    if (overdueText !== undefined && overdueText !== 'true' && overdueText !== 'false') {
      throw badParameter('overdue', 'must be true or false');
    }
    const direction = text('direction', this.schemas.direction);
    const status = text('status', this.schemas.status);
    const stage = text('stage', parameterSchema('ListStage'));
    const counterpart = text('counterpart', parameterSchema('ListCounterpart'));
    const agency = text('agency', parameterSchema('ListAgency'));
    const urgency = this.schemas.urgency ? text('urgency', parameterSchema('ListUrgency')) : undefined;
    const dueBefore = instant('dueBefore', parameterSchema('ListDueBefore'));
    const createdFrom = instant('createdFrom', parameterSchema('ListCreatedFrom'));
    const createdTo = instant('createdTo', parameterSchema('ListCreatedTo'));
    const search = text('q', parameterSchema('ListSearch'));
    const sort = (text('sort', parameterSchema('ListSort')) ?? 'updated') as CaseListSort;
    if (createdFrom && createdTo && createdTo.getTime() <= createdFrom.getTime()) {
      throw new ProblemException({
        status: 422,
        title: 'Unprocessable Content',
        detail: 'The parameter createdTo is not after createdFrom.',
        errors: [{ field: 'createdTo', message: 'must be after createdFrom' }],
      });
    }
    const filter: CaseListFilter = {
      ...(direction ? { direction: direction as CaseListFilter['direction'] } : {}),
      ...(status ? { status } : {}),
      ...(stage ? { stage: stage as CaseListFilter['stage'] } : {}),
      ...(counterpart ? { counterpart } : {}),
      ...(agency ? { agency } : {}),
      ...(urgency ? { urgency } : {}),
      ...(overdueText !== undefined ? { overdue: overdueText === 'true' } : {}),
      ...(dueBefore ? { dueBefore } : {}),
      ...(createdFrom ? { createdFrom } : {}),
      ...(createdTo ? { createdTo } : {}),
      ...(search !== undefined ? { search } : {}),
    };
    const cursor = text('cursor', parameterSchema('ListCursor'));
    const after = cursor === undefined ? undefined : decodeCaseListCursor(cursor, sort, caseListDigest(filter, sort));
    if (cursor !== undefined && after === undefined) {
      throw badParameter('cursor', 'must be the nextCursor of a page of this list, with the same filters and sort');
    }
    return { ...filter, sort, limit, ...(after ? { after } : {}), now };
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
