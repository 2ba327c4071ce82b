import { randomBytes } from 'node:crypto';
import type { CaseKeysTable, NodeDatabase, StoredCaseKey } from '@enlace/store';
import { Kysely, Selectable, sql } from 'kysely';
import { makeCaseKey, unwrapCaseKey, wrapCaseKey, type UnstoredCaseKey } from './case-key-wrapping';
import { CaseKeyUnopenableError, KeyEncryptionKey, KeyEncryptionKeyMismatchError } from './key-encryption-key';

type CaseKeyRow = Pick<Selectable<CaseKeysTable>, 'case_id' | 'wrapped_key' | 'destroyed_at'>;

/**
 * The data keys of the node's cases (`case_keys`), one per case id, wrapped by the node's key-encryption key. Once a
 * person's data were erased the row keeps only the time of the key's destruction, so that no key is made for the
 * case again. Node-api and the courier both make keys: the primary key on the case id settles who made it first,
 * and the other reads that one.
 */
export class CaseKeyStore {
  constructor(
    private readonly db: Kysely<NodeDatabase>,
    private readonly kek: KeyEncryptionKey,
  ) {}

  /**
   * Refuses a key-encryption key the store's case keys were not wrapped with: a case key under another key id, or,
   * under the same id, one this key does not open (the file was replaced). node-api and the courier ask at start,
   * before they apply or take anything; the error names the key ids, never a key. One row of each kind is read (a
   * scan at worst, once per start).
   */
  async assertKeyEncryptionKeyMatches(): Promise<void> {
    const other = await this.db
      .selectFrom('case_keys')
      .select('kek_id')
      .where('kek_id', 'is not', null)
      .where('kek_id', '<>', this.kek.kid)
      .limit(1)
      .executeTakeFirst();
    if (other) {
      throw new KeyEncryptionKeyMismatchError(
        `the store's case keys are wrapped with the key-encryption key ${other.kek_id}, but the key loaded ` +
          `(ENLACE_CASE_KEK_FILE) is ${this.kek.kid}: start with the node's own key file`,
      );
    }
    const sample = await this.db
      .selectFrom('case_keys')
      .select(['case_id', 'wrapped_key', 'destroyed_at'])
      .where('wrapped_key', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    if (!sample) return;
    try {
      await this.unwrap(sample);
    } catch {
      throw new KeyEncryptionKeyMismatchError(
        `the key-encryption key loaded (ENLACE_CASE_KEK_FILE) has the id ${this.kek.kid} of the store's case keys ` +
          `but does not open them: the key file was replaced; start with the node's own key file`,
      );
    }
  }

  /**
   * The case's key, made now when the case has none; undefined when it was destroyed. In the caller's transaction
   * when given one (`db`), so that a key made for a change that rolls back goes with it.
   */
  async getOrCreate(caseId: string, db: Kysely<NodeDatabase> = this.db): Promise<Uint8Array | undefined> {
    const found = await this.row(caseId, db);
    if (found) return this.unwrap(found);
    return this.create(caseId, db);
  }

  /**
   * The key of a case that should have none yet (one this node has just opened): made and inserted without a read
   * before; when the case has one after all, that one (undefined when it was destroyed).
   */
  async create(caseId: string, db: Kysely<NodeDatabase> = this.db): Promise<Uint8Array | undefined> {
    const key = new Uint8Array(randomBytes(32));
    const made = await db
      .insertInto('case_keys')
      .values({
        case_id: caseId,
        wrapped_key: await this.wrap(caseId, key),
        kek_id: this.kek.kid,
        created_at: new Date(),
      })
      .onConflict((conflict) => conflict.column('case_id').doNothing())
      .returning('case_id')
      .executeTakeFirst();
    if (made) return key;
    // Another process (the courier, the API) made the case's key in between: use theirs.
    return this.find(caseId, db);
  }

  /**
   * A key for a case this node is opening now, made and wrapped but not stored: the caller inserts its row with the
   * case (and must not use the key unless that insert took it).
   */
  make(caseId: string): Promise<UnstoredCaseKey> {
    return makeCaseKey(this.kek, caseId);
  }

  /**
   * The keys of many cases at once, made now for those that have none, in one statement: it inserts a key for every
   * case and reads, beside what it inserted, the keys that were there before it (on arrival of a backlog most cases
   * are new; a batch of receipts is for cases that have theirs). Undefined for a case whose key was destroyed.
   */
  async getOrCreateMany(caseIds: readonly string[]): Promise<Map<string, Uint8Array | undefined>> {
    // In one order for every writer: two inserts that wait on each other's new keys in opposite orders deadlock.
    const distinct = [...new Set(caseIds)].sort();
    const keys = new Map<string, Uint8Array | undefined>();
    if (distinct.length === 0) return keys;
    const fresh = distinct.map(() => new Uint8Array(randomBytes(32)));
    const wrapped = await Promise.all(distinct.map((caseId, i) => this.wrap(caseId, fresh[i] as Uint8Array)));
    // The second part reads the table as it was when the statement began: it never sees the rows the first inserts.
    const found = await sql<CaseKeyRow & { made: boolean }>`
      with made as (
        insert into case_keys (case_id, wrapped_key, kek_id, created_at)
        select made.case_id, made.wrapped_key, ${this.kek.kid}::text, ${new Date()}::timestamptz
          from unnest(${distinct}::text[], ${wrapped}::text[]) as made (case_id, wrapped_key)
        on conflict (case_id) do nothing
        returning case_id)
      select case_id, true as made, null::text as wrapped_key, null::timestamptz as destroyed_at from made
      union all
      select case_id, false as made, wrapped_key, destroyed_at from case_keys where case_id = any(${distinct}::text[])`.execute(
      this.db,
    );
    const theirs = found.rows.filter((row) => !row.made);
    const opened = await Promise.all(theirs.map((row) => this.unwrap(row)));
    theirs.forEach((row, i) => keys.set(row.case_id, opened[i]));
    const ours = new Set(found.rows.filter((row) => row.made).map((row) => row.case_id));
    distinct.forEach((caseId, i) => {
      if (ours.has(caseId)) keys.set(caseId, fresh[i]);
    });
    // A key another process committed after the statement began, while ours waited on it: read it now.
    const missing = distinct.filter((caseId) => !keys.has(caseId));
    if (missing.length > 0) for (const [caseId, key] of await this.findMany(missing)) keys.set(caseId, key);
    return keys;
  }

  /** The case's key; undefined when it has none or it was destroyed. */
  async find(caseId: string, db: Kysely<NodeDatabase> = this.db): Promise<Uint8Array | undefined> {
    const found = await this.row(caseId, db);
    return found ? this.unwrap(found) : undefined;
  }

  /**
   * The keys of many cases, read at once, telling a destroyed key (null) from none at all (absent from the map): a
   * batch that reads its cases' keys once must still make one for a case that has none.
   */
  async lookupMany(
    caseIds: readonly string[],
    db: Kysely<NodeDatabase> = this.db,
  ): Promise<Map<string, Uint8Array | null>> {
    const distinct = [...new Set(caseIds)];
    const keys = new Map<string, Uint8Array | null>();
    if (distinct.length === 0) return keys;
    const rows = await db
      .selectFrom('case_keys')
      .select(['case_id', 'wrapped_key', 'destroyed_at'])
      .where((eb) => eb('case_id', '=', eb.fn.any(eb.val(distinct))))
      .execute();
    const opened = await Promise.all(rows.map((row) => this.unwrap(row)));
    rows.forEach((row, i) => keys.set(row.case_id, opened[i] ?? null));
    return keys;
  }

  /** The keys of many cases, read at once; undefined for a case that has none or whose key was destroyed. */
  async findMany(caseIds: readonly string[]): Promise<Map<string, Uint8Array | undefined>> {
    const distinct = [...new Set(caseIds)];
    const keys = new Map<string, Uint8Array | undefined>(distinct.map((caseId) => [caseId, undefined]));
    if (distinct.length === 0) return keys;
    const rows = await this.db
      .selectFrom('case_keys')
      .select(['case_id', 'wrapped_key', 'destroyed_at'])
      .where((eb) => eb('case_id', '=', eb.fn.any(eb.val(distinct))))
      .execute();
    const opened = await Promise.all(rows.map((row) => this.unwrap(row)));
    rows.forEach((row, i) => keys.set(row.case_id, opened[i]));
    return keys;
  }

  /**
   * Keys as read with other rows (the relay's claim brings them), unwrapped: undefined for a destroyed one; a case
   * absent from `stored` is absent from the result.
   */
  async unwrapMany(stored: Iterable<StoredCaseKey>): Promise<Map<string, Uint8Array | undefined>> {
    const rows = [...stored];
    const opened = await Promise.all(rows.map((row) => this.unwrap(row)));
    return new Map(rows.map((row, i) => [row.case_id, opened[i]]));
  }

  /** Destroys the case's key for good: the row keeps only when; a key is never made for the case again. */
  async destroy(caseId: string, at: Date): Promise<void> {
    await this.db
      .insertInto('case_keys')
      .values({ case_id: caseId, wrapped_key: null, kek_id: null, created_at: at, destroyed_at: at })
      .onConflict((conflict) =>
        conflict.column('case_id').doUpdateSet({ wrapped_key: null, kek_id: null, created_at: at, destroyed_at: at }),
      )
      .execute();
  }

  async isDestroyed(caseId: string): Promise<boolean> {
    const found = await this.db
      .selectFrom('case_keys')
      .select('destroyed_at')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return found?.destroyed_at != null;
  }

  private row(caseId: string, db: Kysely<NodeDatabase>): Promise<CaseKeyRow | undefined> {
    return db
      .selectFrom('case_keys')
      .select(['case_id', 'wrapped_key', 'destroyed_at'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  }

  private wrap(caseId: string, key: Uint8Array): Promise<string> {
    return wrapCaseKey(this.kek, caseId, key);
  }

  private async unwrap(row: CaseKeyRow): Promise<Uint8Array | undefined> {
    if (row.destroyed_at || !row.wrapped_key) return undefined;
    try {
      return await unwrapCaseKey(this.kek, row.case_id, row.wrapped_key);
    } catch (error) {
      throw new CaseKeyUnopenableError(
        `the key-encryption key ${this.kek.kid} does not open the key of case ${row.case_id}`,
        { cause: error },
      );
    }
  }
}
