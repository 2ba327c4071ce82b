import { Kysely, sql } from 'kysely';
import { MonitorDatabase } from '../../database/monitor-database.schema';
import { ConversationState } from '../domain/conversation';

interface ConversationRow {
  correlation_id: string;
  questions: ConversationState['questions'];
  replies: ConversationState['replies'];
}

/**
 * Each conversation's open questions and recent replies (`conversations`), by correlation id, for answer delays. A
 * batch locks the conversations of its envelopes, records them in memory and writes back what changed, all in the
 * caller's transaction: two batches of one conversation take their turns instead of overwriting each other.
 */
export class ConversationRepository {
  /**
   * The conversations of these correlation ids, locked until the transaction ends; an unknown one is made empty
   * now (and gone again if the transaction rolls back). Two statements, the rows taken in id order by every writer.
   */
  async lock(trx: Kysely<MonitorDatabase>, correlationIds: Iterable<string>): Promise<Map<string, ConversationState>> {
    const ids = [...new Set(correlationIds)].sort();
    if (ids.length === 0) return new Map();
    await sql`
      insert into conversations (correlation_id)
      select * from unnest(${ids}::text[])
      on conflict (correlation_id) do nothing`.execute(trx);
    const { rows } = await sql<ConversationRow>`
      select correlation_id, questions, replies from conversations
      where correlation_id = any(${ids}::text[])
      order by correlation_id
      for update`.execute(trx);
    return new Map(rows.map((row) => [row.correlation_id, { questions: row.questions, replies: row.replies }]));
  }

  /** Writes back the conversations a batch changed, in one statement. */
  async save(trx: Kysely<MonitorDatabase>, conversations: ReadonlyMap<string, ConversationState>): Promise<void> {
    if (conversations.size === 0) return;
    const rows = [...conversations].map(([correlationId, state]) => ({
      correlation_id: correlationId,
      questions: state.questions,
      replies: state.replies,
    }));
    await sql`
      update conversations c set questions = u.questions, replies = u.replies
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as u(correlation_id text, questions jsonb, replies jsonb)
      where c.correlation_id = u.correlation_id`.execute(trx);
  }
}
