import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { MessageValidator, RECEIPT_TYPE, messageSchemaId } from '@enlace/contracts';
import { EnvelopeHeader, EnvelopeSealer } from '@enlace/envelope';
import { EnvelopePublisher, OutboundRecord, TopicNames } from '@enlace/messaging';
import { EnvelopeLabel, EnvelopeMetrics, MetricsRegistry, envelopeLabels } from '@enlace/observability';
import { Counter } from 'prom-client';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { ENVELOPE_PUBLISHER } from '../courier.tokens';

/** What a receipt answers: the envelope received, the digest of its bytes, and whether it had come before. */
export interface ReceiptFor {
  readonly received: EnvelopeHeader;
  readonly digest: string;
  readonly duplicate: boolean;
}

/**
 * Answers every envelope stored with a signed receipt naming it and the digest of its bytes (AS4's
 * non-repudiation of receipt), produced straight to the sender's inbox before our offset is committed.
 */
@Injectable()
export class DeliveryReceiptSender {
  private readonly sentCount: Counter<EnvelopeLabel>;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly sealer: EnvelopeSealer,
    private readonly validator: MessageValidator,
    @Optional() metrics: MetricsRegistry = new MetricsRegistry({ defaultMetrics: false }),
  ) {
    this.sentCount = EnvelopeMetrics.sent(metrics);
  }

  async send(received: EnvelopeHeader, digest: string, duplicate: boolean): Promise<void> {
    await this.sendMany([{ received, digest, duplicate }]);
  }

  /** Receipts for many envelopes, produced together to their senders' inbox topics (one request where they fit). */
  async sendMany(answers: readonly ReceiptFor[]): Promise<void> {
    const byTopic = new Map<string, OutboundRecord[]>();
    for (const { received, digest, duplicate } of answers) {
      const topic = TopicNames.inbox(this.config.network, received.from);
      const records = byTopic.get(topic) ?? [];
      records.push({ key: received.caseId, value: await this.sealed(received, digest, duplicate) });
      byTopic.set(topic, records);
    }
    await this.publisher.publishAll([...byTopic].map(([topic, records]) => ({ topic, records })));
    for (const { received } of answers) {
      this.sentCount.inc(envelopeLabels({ from: this.config.country, to: received.from, type: RECEIPT_TYPE }));
    }
  }

  private async sealed(received: EnvelopeHeader, digest: string, duplicate: boolean): Promise<string> {
    const payload = {
      receivedEnvelopeId: received.id,
      receivedEnvelopeDigest: digest,
      receivedAt: new Date().toISOString(),
      duplicate,
    };
    this.validator.assertPayload(RECEIPT_TYPE, payload);
    const header: EnvelopeHeader = {
      id: randomUUID(),
      type: RECEIPT_TYPE,
      network: this.config.network,
      from: this.config.country,
      to: received.from,
      caseId: received.caseId,
      correlationId: received.correlationId,
      causationId: received.id,
      sentAt: new Date().toISOString(),
      schema: messageSchemaId(RECEIPT_TYPE),
    };
    return this.sealer.seal(header, payload);
  }
}
