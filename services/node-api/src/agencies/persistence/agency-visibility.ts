import { sql, type RawBuilder } from 'kysely';
import type { CallerAgency } from '../agency-scope';

/**
 * The rows of `table` (cases or intakes) a caller's agency may read, as a condition of the query itself: those it
 * owns, those shared with it (`case_shares`, by index on the agency), and for the gateway agency those written
 * before agencies, which have no owner. Nothing is loaded to be filtered afterwards.
 */
export function visibleToAgency(table: 'cases' | 'intakes', caller: CallerAgency): RawBuilder<boolean> {
  const owner = sql.ref(`${table}.agency`);
  const id = sql.ref(`${table}.id`);
  const unowned = caller.gateway ? sql` or ${owner} is null` : sql``;
  return sql<boolean>`(${owner} = ${caller.agency} or ${id} in (select case_shares.case_id from case_shares where case_shares.agency = ${caller.agency})${unowned})`;
}

/**
 * The rows of `table` that `agency` owns: a list's agency filter, on top of what the caller may read. The gateway
 * agency also owns the rows from before agencies (no owner). The owner leads the table's agency index.
 */
export function ownedByAgency(
  table: 'cases' | 'intakes',
  agency: string,
  gatewayAgency: string | undefined,
): RawBuilder<boolean> {
  const owner = sql.ref(`${table}.agency`);
  const unowned = agency === gatewayAgency ? sql` or ${owner} is null` : sql``;
  return sql<boolean>`(${owner} = ${agency}${unowned})`;
}
