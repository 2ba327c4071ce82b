import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type { Pool, PoolClient, QueryResult } from 'pg';

/** Distinct statement texts named at most, per process: dynamic SQL beyond them goes unnamed. */
export const MAX_NAMED_TEXTS = 1_000;
/** Statements prepared at most on one connection (the server keeps each until the connection closes). */
export const MAX_PREPARED_PER_CONNECTION = 250;

/** The server's answer when a prepared statement's result type changed under it (a migration altered a table). */
const CACHED_PLAN_CHANGED = '0A000';

/**
 * The pool Kysely is given: every statement with parameters is sent as a named prepared statement, so that each
 * connection parses and plans a hot-path statement once and from then on only binds and executes it (the server's
 * parse and the client's bytes, every time, otherwise). A statement's name is a digest of its text. Bounded: at most
 * MAX_NAMED_TEXTS texts are named per process and MAX_PREPARED_PER_CONNECTION statements prepared per connection,
 * the rest go unnamed as before. A connection whose prepared statement no longer fits its table (its columns
 * changed) is closed when released, so that the next one prepares afresh. Statements without parameters (begin,
 * commit, DDL) keep the simple protocol.
 */
export class PreparedStatementPool implements PostgresPool {
  private readonly names = new Map<string, string>();
  private readonly prepared = new WeakMap<PoolClient, Set<string>>();

  constructor(readonly pool: Pool) {}

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    let prepared = this.prepared.get(client);
    if (!prepared) {
      prepared = new Set();
      this.prepared.set(client, prepared);
    }
    return new PreparingClient(client, prepared, (text) => this.nameOf(text));
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  private nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= MAX_NAMED_TEXTS) return known;
    const name = `enlace_${createHash('sha1').update(text).digest('hex')}`;
    this.names.set(text, name);
    return name;
  }
}

class PreparingClient implements PostgresPoolClient {
  private broken = false;

  constructor(
    private readonly client: PoolClient,
    private readonly prepared: Set<string>,
    private readonly nameOf: (text: string) => string | undefined,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      return this.client.query(sqlOrCursor as never) as unknown as PostgresCursor<R>;
    }
    const values = [...(parameters ?? [])];
    const name = values.length > 0 ? this.preparedName(sqlOrCursor) : undefined;
    const result: Promise<QueryResult> =
      name === undefined
        ? this.client.query(sqlOrCursor, values)
        : this.client.query({ name, text: sqlOrCursor, values });
    return result.then(
      (done) => done as unknown as PostgresQueryResult<R>,
      (error: unknown) => {
        if ((error as { code?: string }).code === CACHED_PLAN_CHANGED) this.broken = true;
        throw error;
      },
    );
  }

  release(destroy?: boolean): void {
    this.client.release(Boolean(destroy) || this.broken);
  }

  private preparedName(text: string): string | undefined {
    const name = this.nameOf(text);
    if (name === undefined) return undefined;
    if (this.prepared.has(name)) return name;
    if (this.prepared.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
    this.prepared.add(name);
    return name;
  }
}
