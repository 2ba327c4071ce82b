import { Logger } from '@nestjs/common';
import { MessageValidator, type AuditCheckpointV1 } from '@enlace/contracts';
import { NodeStatementVerifier } from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { AuditCheckpointRepository } from '../audit-checkpoints/persistence/audit-checkpoint.repository';

const SCHEMA = 'urn:enlace:schema:audit-checkpoint.v1';
/** The JWS `typ` the courier signs audit checkpoints with. */
export const AUDIT_CHECKPOINT_JWS_TYP = 'enlace-audit-checkpoint+jws';

/**
 * Keeps the nodes' audit checkpoints. A checkpoint counts only when its signature holds under a signing key the
 * directory gives the country it names, and it matches its contract; anything else is logged (by position) and
 * skipped, so that no member can anchor a log in another's name.
 */
export class AuditCheckpointRecordIngestor {
  private readonly logger = new Logger(AuditCheckpointRecordIngestor.name);

  constructor(
    private readonly verifier: NodeStatementVerifier,
    private readonly validator: MessageValidator,
    private readonly checkpoints: AuditCheckpointRepository,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    for (const record of records) {
      const statement = record.value?.toString('utf8') ?? '';
      const checkpoint = await this.checkpoint(record, statement);
      if (checkpoint) await this.checkpoints.keep(checkpoint, statement, new Date());
    }
  }

  private async checkpoint(record: InboundRecord, statement: string): Promise<AuditCheckpointV1 | undefined> {
    const where = `${record.topic}/${record.partition}@${record.offset}`;
    try {
      const checkpoint = await this.verifier.verify(AUDIT_CHECKPOINT_JWS_TYP, statement);
      if (this.validator.validate(SCHEMA, checkpoint).length > 0) {
        this.logger.warn(`skipped ${where}: not a ${SCHEMA}`);
        return undefined;
      }
      return checkpoint as unknown as AuditCheckpointV1;
    } catch (error) {
      this.logger.warn(`skipped ${where}: ${(error as Error).message}`);
      return undefined;
    }
  }
}
