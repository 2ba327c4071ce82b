import { Injectable, PipeTransform } from '@nestjs/common';
import { caseListDigest, isCaseListPosition } from '../../cases/persistence/case-list-cursor';
import {
  CASE_LIST_DEFAULT_LIMIT,
  type CaseListFilter,
  type CaseListQuery,
  type CaseListSort,
} from '../../cases/persistence/case-list.query';
import { ListQueryReader, parameterSchema } from '../paging/list-query.reader';

/** Where one protocol's list takes its schemas from in node-api's contract. */
export interface CaseListSchemas {
  readonly direction: string;
  readonly status: string;
  /** Only referrals have an urgency. */
  readonly urgency?: boolean;
}

/**
 * The query of a case list (direction, status, stage, counterpart, agency, urgency, overdue, dueBefore, createdFrom,
 * createdTo, q, sort, limit, cursor), read as every paged list's is (ListQueryReader): a bad parameter is answered
 * 400 naming it (422 for a date range that ends before it starts), never ignored or cut to fit. The cursor must be one
 * this node made for the same filters and sort. Parameters the list does not know are left aside.
 */
@Injectable()
export class CaseListQueryPipe implements PipeTransform {
  constructor(private readonly schemas: CaseListSchemas) {}

  transform(raw: unknown, _metadata?: unknown, now: Date = new Date()): CaseListQuery {
    const reader = new ListQueryReader(raw);
    const limit = reader.limit(CASE_LIST_DEFAULT_LIMIT);
    const overdue = reader.flag('overdue');
    const direction = reader.text('direction', this.schemas.direction);
    const status = reader.text('status', this.schemas.status);
    const stage = reader.text('stage', parameterSchema('ListStage'));
    const counterpart = reader.text('counterpart', parameterSchema('ListCounterpart'));
    const agency = reader.text('agency', parameterSchema('ListAgency'));
    const urgency = this.schemas.urgency ? reader.text('urgency', parameterSchema('ListUrgency')) : undefined;
    const dueBefore = reader.instant('dueBefore', parameterSchema('ListDueBefore'));
    const createdFrom = reader.instant('createdFrom', parameterSchema('ListCreatedFrom'));
    const createdTo = reader.instant('createdTo', parameterSchema('ListCreatedTo'));
    const search = reader.text('q', parameterSchema('ListSearch'));
    const sort = (reader.text('sort', parameterSchema('ListSort')) ?? 'updated') as CaseListSort;
    ListQueryReader.range(createdFrom, createdTo, 'createdFrom', 'createdTo');
    const filter: CaseListFilter = {
      ...(direction ? { direction: direction as CaseListFilter['direction'] } : {}),
      ...(status ? { status } : {}),
      ...(stage ? { stage: stage as CaseListFilter['stage'] } : {}),
      ...(counterpart ? { counterpart } : {}),
      ...(agency ? { agency } : {}),
      ...(urgency ? { urgency } : {}),
      ...(overdue !== undefined ? { overdue } : {}),
      ...(dueBefore ? { dueBefore } : {}),
      ...(createdFrom ? { createdFrom } : {}),
      ...(createdTo ? { createdTo } : {}),
      ...(search !== undefined ? { search } : {}),
    };
    const after = reader.cursor(sort, caseListDigest(filter, sort), isCaseListPosition);
    return { ...filter, sort, limit, ...(after ? { after } : {}), now };
  }
}
