import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AuditLogStore } from '@enlace/audit';
import { AuditCheckpointV1, MessageValidator } from '@enlace/contracts';
import { NodeStatementSigner } from '@enlace/envelope';
import { EnvelopePublisher, TopicNames } from '@enlace/messaging';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { AUDIT_LOG_STORE, ENVELOPE_PUBLISHER } from '../courier.tokens';

const SCHEMA = 'urn:enlace:schema:audit-checkpoint.v1';

/** The JWS `typ` of a signed audit checkpoint (contracts: audit-checkpoint.v1 on the audit-checkpoints topic). */
export const AUDIT_CHECKPOINT_JWS_TYP = 'enlace-audit-checkpoint+jws';

/**
 * Anchors the node's audit log outside the node: every ENLACE_AUDIT_CHECKPOINT_MS it reads the log's head and, when
 * it moved since the last checkpoint sent, signs {country, sequence, head seal, count, time} with the node's signing
 * key and publishes it for the secretariat's monitor, which keeps it. The operator of the node can then no longer cut
 * the log's tail, or rewrite it, below the last checkpoint unseen. Facts of the log only: no actor, action or case.
 * A checkpoint that cannot be sent is tried again at the next turn.
 */
@Injectable()
export class AuditCheckpointPublisher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditCheckpointPublisher.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private lastSent?: { sequence: number; headMac: string };
  private failing = false;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(AUDIT_LOG_STORE) private readonly log: AuditLogStore,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly signer: NodeStatementSigner,
    private readonly validator: MessageValidator,
  ) {}

  onApplicationBootstrap(): void {
    const turn = (): void => {
      this.running = this.publishOnce()
        .then(() => {
          if (this.failing) this.logger.log('audit checkpoints are sent again');
          this.failing = false;
        })
        .catch((error: Error) => {
          if (!this.failing) this.logger.warn(`audit checkpoint not sent: ${error.message}`);
          this.failing = true;
        })
        .finally(() => {
          if (this.timer) this.timer = setTimeout(turn, this.config.auditCheckpointMs);
        });
    };
    this.timer = setTimeout(turn, 0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Publishes a checkpoint of the log's head unless it is the one sent last; returns it, or undefined for none. */
  async publishOnce(): Promise<AuditCheckpointV1 | undefined> {
    const head = await this.log.head();
    if (head.seq === 0) return undefined;
    if (this.lastSent?.sequence === head.seq && this.lastSent.headMac === head.hash) return undefined;
    const checkpoint: AuditCheckpointV1 = {
      checkpointId: randomUUID(),
      network: this.config.network,
      country: this.config.country,
      sequence: head.seq,
      headMac: head.hash,
      count: head.seq,
      at: new Date().toISOString(),
    };
    const violations = this.validator.validate(SCHEMA, checkpoint);
    if (violations.length > 0) throw new Error(`audit checkpoint breaks its contract at ${violations[0]?.path}`);
    const statement = await this.signer.sign(AUDIT_CHECKPOINT_JWS_TYP, { ...checkpoint });
    await this.publisher.publish(TopicNames.auditCheckpoints(this.config.network), [
      { key: this.config.country, value: statement },
    ]);
    this.lastSent = { sequence: head.seq, headMac: head.hash };
    return checkpoint;
  }
}
