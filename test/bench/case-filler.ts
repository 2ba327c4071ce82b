import { Kysely, sql } from 'kysely';
import type { NodeDatabase } from '@enlace/store';

/** Cases written per statement. */
export const FILL_BATCH = 10_000;

/** The statuses an incoming referral passes through, and how a node's history spreads over them. */
const STATUSES = ['delivered', 'accepted', 'in-service', 'closed', 'closed', 'closed', 'declined'];

/**
 * Writes `count` cases copied from the template case (with its inbox entry and its wrapped key), in batches of FILL_BATCH rows a
 * statement. Each copy has its own id (in its state and timeline too), a status of the walk and an entry already
 * applied, as years of a node's work would leave them: the closed ones from the last three years, the open ones
 * from the last ten days and due within the next fortnight (so that no deadline watcher has thousands of overdue
 * steps to announce). The statistics are brought up to date at the end, as autovacuum would within a minute.
 */
export async function fillWithCopiesOf(db: Kysely<NodeDatabase>, templateId: string, count: number): Promise<number> {
  let written = 0;
  while (written < count) {
    const batch = Math.min(FILL_BATCH, count - written);
    await db.transaction().execute(async (trx) => {
      await sql`
        create temporary table fill_ids on commit drop as
        select id, status, now() - random() * (case when open then interval '10 days' else interval '1095 days' end)
               as created_at, open
          from (select gen_random_uuid()::text as id, status, status not in ('closed', 'declined') as open
                  from (select (${STATUSES}::text[])[1 + floor(random() * ${STATUSES.length})::int] as status
                          from generate_series(1, ${batch}::int)) as drawn) as cases`.execute(trx);
      await sql`
        insert into cases (id, protocol, direction, status, state, details, personal, links, timeline, due,
                           pending_on, announced_due, erasure, version, created_at, updated_at)
        select f.id, t.protocol, t.direction, f.status,
               jsonb_set(replace(t.state::text, t.id, f.id)::jsonb, '{status}', to_jsonb(f.status), false),
               t.details, t.personal, case when t.links is null then null else replace(t.links::text, t.id, f.id)::jsonb end,
               replace(t.timeline::text, t.id, f.id)::jsonb,
               case when f.open then f.created_at + interval '14 days' end,
               case when f.open then t.pending_on end,
               null, null, t.version, f.created_at, least(now(), f.created_at + random() * interval '30 days')
          from fill_ids f cross join cases t
         where t.id = ${templateId}`.execute(trx);
      await sql`
        insert into inbox (envelope_id, type, from_country, case_id, correlation_id, causation_id, sent_at,
                           received_at, digest, sealed_payload, payload_withheld, applied_at, rejection_code,
                           rejection_detail, not_before)
        select gen_random_uuid()::text, i.type, i.from_country, f.id, f.id, null, f.created_at,
               f.created_at + interval '1 second', i.digest, null, null, f.created_at + interval '2 seconds',
               null, null, null
          from fill_ids f cross join inbox i
         where i.case_id = ${templateId} and i.type = 'referral.requested.v1'`.execute(trx);
      await sql`
        insert into case_keys (case_id, wrapped_key, kek_id, created_at)
        select f.id, k.wrapped_key, k.kek_id, f.created_at
          from fill_ids f cross join case_keys k
         where k.case_id = ${templateId}`.execute(trx);
    });
    written += batch;
  }
  for (const table of ['cases', 'inbox', 'case_keys']) await sql`analyze ${sql.table(table)}`.execute(db);
  return written;
}
