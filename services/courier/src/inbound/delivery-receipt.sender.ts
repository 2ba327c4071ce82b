import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MessageValidator, RECEIPT_TYPE, messageSchemaId } from '@enlace/contracts';
import { EnvelopeHeader, EnvelopeSealer } from '@enlace/envelope';
import { EnvelopePublisher, TopicNames } from '@enlace/messaging';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { ENVELOPE_PUBLISHER } from '../courier.tokens';

/**
 * Answers every envelope stored with a signed receipt naming it and the digest of its bytes (AS4's
 * non-repudiation of receipt), produced straight to the sender's inbox before our offset is committed.
 */
@Injectable()
export class DeliveryReceiptSender {
  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly sealer: EnvelopeSealer,
    private readonly validator: MessageValidator,
  ) {}

  async send(received: EnvelopeHeader, digest: string, duplicate: boolean): Promise<void> {
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
    const wire = await this.sealer.seal(header, payload);
    await this.publisher.publish(TopicNames.inbox(this.config.network, received.from), [
      { key: received.caseId, value: wire },
    ]);
  }
}
