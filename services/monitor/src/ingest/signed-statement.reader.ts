import { Logger } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { InvalidNodeStatementError, NodeStatementVerifier } from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { MetricsRegistry } from '@enlace/observability';
import { Counter } from 'prom-client';

type SchemaId = Parameters<MessageValidator['validate']>[0];

/** The kinds of signed statement the monitor reads, each on its topic. */
export type StatementKind = 'heartbeat' | 'deadline' | 'statistics';

/**
 * Why a record was not taken: `unsigned` (not a JWS at all, e.g. the plain JSON of a node not yet upgraded or of a
 * forger), `unverified` (a JWS of the wrong type, of a country without that key, or whose signature does not hold),
 * `contract` (signed, but not the message its schema describes).
 */
export type StatementRefusal = 'unsigned' | 'unverified' | 'contract';

/** Records refused on the signed-statement topics, by kind and reason (never by country: the field is forged). */
export function refusedStatementsCounter(metrics: MetricsRegistry): Counter<'kind' | 'reason'> {
  return metrics.counter(
    'enlace_monitor_statements_refused_total',
    'Records of the heartbeats, deadlines and statistics topics the monitor ignored: unsigned, unverified or off contract',
    ['kind', 'reason'],
  );
}

/**
 * Reads a node's signed statement from a record of a topic every member may write: the country it names counts only
 * when the JWS verifies under a signing key the directory gives that country (NodeStatementVerifier), and the
 * payload then matches its contract. Anything else is counted, logged by its position with the reason (never its
 * content) and ignored.
 */
export class SignedStatementReader {
  private readonly logger = new Logger(SignedStatementReader.name);

  constructor(
    private readonly verifier: NodeStatementVerifier,
    private readonly validator: MessageValidator,
    private readonly refused: Counter<'kind' | 'reason'>,
  ) {}

  async read<T>(kind: StatementKind, typ: string, schema: SchemaId, record: InboundRecord): Promise<T | undefined> {
    const where = `${record.topic}/${record.partition}@${record.offset}`;
    let statement: Record<string, unknown>;
    try {
      statement = await this.verifier.verify(typ, record.value?.toString('utf8') ?? '');
    } catch (error) {
      if (!(error instanceof InvalidNodeStatementError)) throw error;
      const reason: StatementRefusal = looksLikeJws(record.value) ? 'unverified' : 'unsigned';
      this.refused.inc({ kind, reason });
      // the error's text may quote the country the record claims, which anyone can write: not logged
      this.logger.warn(`ignored ${where}: ${reason} ${kind}`);
      return undefined;
    }
    if (this.validator.validate(schema, statement).length > 0) {
      this.refused.inc({ kind, reason: 'contract' });
      this.logger.warn(`ignored ${where}: a signed ${kind} that is not a ${schema}`);
      return undefined;
    }
    return statement as T;
  }
}

/** Three base64url segments: a JWS compact serialization, whatever it then holds. */
function looksLikeJws(value: Buffer | null): boolean {
  return value !== null && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value.toString('utf8'));
}
