import { Kysely, Selectable, sql } from 'kysely';
import { MonitorDatabase, OverdueAnswersTable } from '../../database/monitor-database.schema';

/** An overdue step as announced (deadline.overdue.v1), and when the late country answered since. */
export interface OverdueRecord {
  _id: string;
  announcementId: string;
  country: string;
  counterpart: string;
  protocol: string;
  step: string;
  caseRef: string;
  dueAt: Date;
  announcedAt: Date;
  answeredAt: Date | null;
}

export type OverdueAnnouncement = Omit<OverdueRecord, '_id' | 'answeredAt'>;

export type OverdueState = 'open' | 'answered' | 'all';

export interface OverdueQuery {
  readonly state: OverdueState;
  readonly country?: string;
  readonly counterpart?: string;
  readonly limit: number;
}

/** A message of a case from the late country to the waiting one, sent at `at`: it answers what was overdue. */
export interface OverdueAnswer {
  readonly caseRef: string;
  readonly lateCountry: string;
  readonly waitingCountry: string;
  readonly at: Date;
}

/** A node may announce a step again after a restart: one record per case, step and due time. */
export const overdueKey = (caseRef: string, step: string, dueAt: Date): string =>
  `${caseRef}|${step}|${dueAt.toISOString()}`;

/** The overdue steps announced to the network (`overdue_answers`) and their answers. */
export class OverdueRepository {
  constructor(private readonly db: Kysely<MonitorDatabase>) {}

  /** Keeps an announcement once; true when it is new. */
  async record(announcement: OverdueAnnouncement): Promise<boolean> {
    return (await this.recordAll([announcement])).length === 1;
  }

  /** Keeps each announcement once, in one statement; returns those that are new. */
  async recordAll(announcements: readonly OverdueAnnouncement[]): Promise<OverdueAnnouncement[]> {
    const byKey = new Map(announcements.map((a) => [overdueKey(a.caseRef, a.step, a.dueAt), a]));
    if (byKey.size === 0) return [];
    const inserted = await this.db
      .insertInto('overdue_answers')
      .values(
        [...byKey].map(([id, a]) => ({
          id,
          announcement_id: a.announcementId,
          country: a.country,
          counterpart: a.counterpart,
          protocol: a.protocol,
          step: a.step,
          case_ref: a.caseRef,
          due_at: a.dueAt,
          announced_at: a.announcedAt,
          answered_at: null,
        })),
      )
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .execute();
    return inserted.flatMap((row) => byKey.get(row.id) ?? []);
  }

  /**
   * The late countries sent messages of their cases back after the due times: each open announcement they answer
   * is answered at the earliest of them. One statement for a batch, through the index of open announcements by case.
   */
  async markAnswered(answers: readonly OverdueAnswer[], db: Kysely<MonitorDatabase> = this.db): Promise<number> {
    if (answers.length === 0) return 0;
    const result = await sql`
      with answer as (
        select * from unnest(
          ${answers.map((a) => a.caseRef)}::text[],
          ${answers.map((a) => a.lateCountry)}::text[],
          ${answers.map((a) => a.waitingCountry)}::text[],
          ${answers.map((a) => a.at.toISOString())}::timestamptz[]) as a(case_ref, late, waiting, at)
      ), first_answer as (
        select o.id, min(answer.at) as at
        from overdue_answers o
        join answer on o.case_ref = answer.case_ref and o.counterpart = answer.late and o.country = answer.waiting
          and o.due_at <= answer.at
        where o.answered_at is null
        group by o.id
      )
      update overdue_answers o set answered_at = first_answer.at
      from first_answer
      where o.id = first_answer.id and o.answered_at is null`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  }

  async list(query: OverdueQuery): Promise<OverdueRecord[]> {
    let select = this.db.selectFrom('overdue_answers').selectAll();
    if (query.state === 'open') select = select.where('answered_at', 'is', null);
    if (query.state === 'answered') select = select.where('answered_at', 'is not', null);
    if (query.country) select = select.where('country', '=', query.country);
    if (query.counterpart) select = select.where('counterpart', '=', query.counterpart);
    const rows = await select.orderBy('due_at', 'desc').limit(query.limit).execute();
    return rows.map(toOverdueRecord);
  }
}

function toOverdueRecord(row: Selectable<OverdueAnswersTable>): OverdueRecord {
  return {
    _id: row.id,
    announcementId: row.announcement_id,
    country: row.country,
    counterpart: row.counterpart,
    protocol: row.protocol,
    step: row.step,
    caseRef: row.case_ref,
    dueAt: row.due_at,
    announcedAt: row.announced_at,
    answeredAt: row.answered_at,
  };
}
