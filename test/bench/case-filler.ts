import { randomUUID } from 'node:crypto';
import { Kysely, sql } from 'kysely';
import { openCaseData, SealedUse, unwrapCaseKey, type KeyEncryptionKey } from '@enlace/privacy';
import type { NodeDatabase } from '@enlace/store';
import { CopySealers } from './copy-sealers';
import type { SealedCopies } from './copy-sealer.worker';

/** Cases written per statement. */
export const FILL_BATCH = 5_000;

/** The statuses an incoming referral passes through, and how a node's history spreads over them. */
const STATUSES = ['delivered', 'accepted', 'in-service', 'closed', 'closed', 'closed', 'declined'];
/**
 * The countries the copies came from, and their urgencies, drawn so that a filter on them passes a share of the
 * cases as it would on a real node (had every copy the template's, a filtered page would find its rows at once).
 */
const COUNTERPARTS = ['CO', 'CO', 'PE', 'BO', 'AR'];
const URGENCIES = ['high', 'medium', 'low'];

/**
 * Writes `count` copies of the template case (with its inbox entry), FILL_BATCH rows a statement, each sealed as
 * node-api seals a case it receives: a data key of its own, wrapped by the node's key-encryption key `kek`, and the
 * template's personal content (its person under other names) sealed with that key and bound to the copy's id. The
 * sealing runs on worker threads (CopySealers) while the previous batch is written. Each copy has its own id (in its
 * state and timeline too), a status of the walk, a sending country and an urgency drawn, and an entry already
 * applied, as years of a node's work would leave them: the closed ones from the last three years, the open ones from
 * the last ten days and due within the next fortnight (so that no deadline watcher has thousands of overdue steps to
 * announce). The tables are vacuumed and their statistics brought up to date at the end, as autovacuum would within
 * a minute.
 */
export async function fillWithCopiesOf(
  db: Kysely<NodeDatabase>,
  kek: KeyEncryptionKey,
  templateId: string,
  count: number,
): Promise<number> {
  const sealers = CopySealers.start({ kek, content: await openedContentOf(db, kek, templateId) });
  try {
    const idsOf = (first: number) => Array.from({ length: Math.min(FILL_BATCH, count - first) }, () => randomUUID());
    let ids = idsOf(0);
    let sealing = sealers.seal(ids, 0);
    let written = 0;
    while (ids.length > 0) {
      const sealed = await sealing;
      const batch = ids;
      written += batch.length;
      ids = written < count ? idsOf(written) : [];
      sealing = ids.length > 0 ? sealers.seal(ids, written) : sealing;
      await writeCopies(db, kek.kid, templateId, batch, sealed);
    }
    // Vacuumed and analyzed now rather than by autovacuum in the middle of the timed walks that follow.
    for (const table of ['cases', 'inbox', 'case_keys']) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
    return written;
  } finally {
    await sealers.stop();
  }
}

/** The template's personal content, opened with its key as node-api opens it. */
async function openedContentOf(
  db: Kysely<NodeDatabase>,
  kek: KeyEncryptionKey,
  templateId: string,
): Promise<Record<string, unknown>> {
  const template = await db
    .selectFrom('cases')
    .innerJoin('case_keys', 'case_keys.case_id', 'cases.id')
    .select(['cases.personal', 'case_keys.wrapped_key'])
    .where('cases.id', '=', templateId)
    .executeTakeFirst();
  if (!template?.personal || !template.wrapped_key) throw new Error(`the template case ${templateId} holds no content`);
  const key = await unwrapCaseKey(kek, templateId, template.wrapped_key);
  return openCaseData(key, { caseId: templateId, purpose: SealedUse.personal }, template.personal);
}

/** One batch of copies, their inbox entries and their keys, in one statement. */
async function writeCopies(
  db: Kysely<NodeDatabase>,
  kekId: string,
  templateId: string,
  ids: readonly string[],
  sealed: SealedCopies,
): Promise<void> {
  await sql`
    with drawn as materialized (
      select c.id, c.personal, c.wrapped_key, c.status, c.status not in ('closed', 'declined') as open,
             c.counterpart, c.urgency
        from (select u.id, u.personal, u.wrapped_key,
                     (${STATUSES}::text[])[1 + floor(random() * ${STATUSES.length})::int] as status,
                     (${COUNTERPARTS}::text[])[1 + floor(random() * ${COUNTERPARTS.length})::int] as counterpart,
                     (${URGENCIES}::text[])[1 + floor(random() * ${URGENCIES.length})::int] as urgency
                from unnest(${[...ids]}::text[], ${sealed.personal}::text[], ${sealed.wrappedKeys}::text[])
                     as u (id, personal, wrapped_key)) as c),
    f as materialized (
      select d.*, now() - random() * (case when d.open then interval '10 days' else interval '1095 days' end)
             as created_at
        from drawn d),
    added as (
      insert into cases (id, protocol, direction, status, state, details, personal, links, timeline, due,
                         pending_on, announced_due, erasure, agency, version, created_at, updated_at)
      select f.id, t.protocol, t.direction, f.status,
             jsonb_set(jsonb_set(replace(t.state::text, t.id, f.id)::jsonb, '{status}', to_jsonb(f.status), false),
                       '{fromCountry}', to_jsonb(f.counterpart), false),
             jsonb_set(t.details, '{urgency}', to_jsonb(f.urgency), false), f.personal,
             case when t.links is null then null else replace(t.links::text, t.id, f.id)::jsonb end,
             replace(t.timeline::text, t.id, f.id)::jsonb,
             case when f.open then f.created_at + interval '14 days' end,
             case when f.open then t.pending_on end,
             null, null, t.agency, t.version, f.created_at, least(now(), f.created_at + random() * interval '30 days')
        from f cross join cases t
       where t.id = ${templateId}),
    arrived as (
      insert into inbox (envelope_id, type, from_country, case_id, correlation_id, causation_id, sent_at,
                         received_at, digest, sealed_payload, payload_withheld, applied_at, rejection_code,
                         rejection_detail, not_before)
      select gen_random_uuid()::text, i.type, f.counterpart, f.id, f.id, null, f.created_at,
             f.created_at + interval '1 second', i.digest, null, null, f.created_at + interval '2 seconds',
             null, null, null
        from f cross join inbox i
       where i.case_id = ${templateId} and i.type = 'referral.requested.v1')
    insert into case_keys (case_id, wrapped_key, kek_id, created_at)
    select f.id, f.wrapped_key, ${kekId}::text, f.created_at from f`.execute(db);
}
