import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ContractViolation, MessageValidator, RECEIPT_TYPE } from '@enlace/contracts';
import {
  DuplicateEnvelopeError,
  EnvelopeError,
  EnvelopeOpener,
  OpenedEnvelope,
  UnknownSenderError,
} from '@enlace/envelope';
import { DeadLetterPublisher, FailureCounter, InboundRecord, isTransientBrokerFailure } from '@enlace/messaging';
import { PersonalDataVault, SealedUse } from '@enlace/privacy';
import { InboxStore, isTransientStoreFailure } from '@enlace/store';
import { DEAD_LETTER_PUBLISHER, INBOX_STORE, MEMBER_DIRECTORY, PERSONAL_DATA_VAULT } from '../courier.tokens';
import { DeliveryReceiptSender } from './delivery-receipt.sender';

/** Tries of a record that fails for no passing cause before it goes to the dead letters (kafkajs backs off between). */
export const MAX_RECORD_TRIES = 5;

/**
 * The node's border for what arrives: verify the sender's signature, open the payload, check it against the
 * contract, keep it once in the inbox, and answer with a signed delivery receipt. What can never be accepted goes
 * to the dead-letter topic with its reason; what fails for a passing cause (database or broker away) is thrown, so
 * the record is not committed and comes back, as often as it takes. A record that keeps failing for any other cause
 * (a poison message) goes to the dead letters after MAX_RECORD_TRIES, so that it does not block its partition.
 */
@Injectable()
export class InboundEnvelopeHandler {
  private readonly logger = new Logger(InboundEnvelopeHandler.name);
  /** The last arrival time given, so that each is later than the one before: node-api applies in that order. */
  private lastReceivedAt = 0;
  private readonly tries = new FailureCounter(MAX_RECORD_TRIES);

  constructor(
    private readonly opener: EnvelopeOpener,
    private readonly validator: MessageValidator,
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    @Inject(DEAD_LETTER_PUBLISHER) private readonly deadLetters: DeadLetterPublisher,
    private readonly receipts: DeliveryReceiptSender,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Optional() @Inject(MEMBER_DIRECTORY) private readonly directory?: { refresh?: () => Promise<void> },
  ) {}

  async handle(record: InboundRecord): Promise<void> {
    const key = `${record.topic}/${record.partition}@${record.offset}`;
    try {
      await this.handleOnce(record);
      this.tries.succeeded(key);
    } catch (error) {
      if (isTransientStoreFailure(error) || isTransientBrokerFailure(error)) throw error;
      const { tries, exhausted } = this.tries.failed(key);
      const name = error instanceof Error ? error.name : typeof error;
      if (!exhausted) {
        this.logger.warn(`record ${key} failed (try ${tries} of ${MAX_RECORD_TRIES}): ${name}`);
        throw error;
      }
      // The error's name only: a message may quote what it failed on, and that may be personal data.
      await this.reject(record, 'UNPROCESSABLE', `failed ${tries} times, last with ${name}`);
    }
  }

  private async handleOnce(record: InboundRecord): Promise<void> {
    if (!record.value || record.value.length === 0) {
      await this.reject(record, 'MALFORMED', 'empty record');
      return;
    }
    const wire = record.value.toString('utf8');
    let opened: OpenedEnvelope<Record<string, unknown>>;
    try {
      opened = await this.openKnowingEverySender(wire);
      this.validator.assertHeader(opened.header);
      this.validator.assertPayload(opened.header.type, opened.payload);
    } catch (error) {
      if (error instanceof DuplicateEnvelopeError) {
        await this.acknowledgeDuplicate(wire);
        return;
      }
      if (error instanceof EnvelopeError) {
        await this.reject(record, error.code, error.message);
        return;
      }
      if (error instanceof ContractViolation) {
        await this.reject(record, 'CONTRACT_VIOLATION', error.message);
        return;
      }
      throw error;
    }
    // At rest, the opened message is sealed with its case's key; for a case whose key was destroyed (the
    // person's data erased) it is kept without its payload.
    const sealedPayload = await this.vault.seal(
      opened.header.caseId,
      SealedUse.inbox(opened.header.id),
      opened.payload,
    );
    const stored = await this.inbox.record({
      _id: opened.header.id,
      type: opened.header.type,
      from: opened.header.from,
      caseId: opened.header.caseId,
      correlationId: opened.header.correlationId,
      ...(opened.header.causationId ? { causationId: opened.header.causationId } : {}),
      sentAt: new Date(opened.header.sentAt),
      receivedAt: this.nextReceivedAt(),
      digest: opened.digest,
      ...(sealedPayload === undefined ? { payloadWithheld: 'CASE_ERASED' as const } : { sealedPayload }),
      appliedAt: null,
      rejection: null,
    });
    if (opened.header.type !== RECEIPT_TYPE) {
      await this.receipts.send(opened.header, opened.digest, stored === 'duplicate');
    }
  }

  /**
   * An unknown sender may be a member issued a moment ago whose entry this node has not read yet: read the directory
   * topic to its end and try once more before refusing (a refresh failing for a passing cause throws: retried).
   */
  private async openKnowingEverySender(wire: string): Promise<OpenedEnvelope<Record<string, unknown>>> {
    const open = () => this.opener.open<Record<string, unknown>>(wire, { isDuplicate: (id) => this.inbox.has(id) });
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof UnknownSenderError) || this.directory?.refresh === undefined) throw error;
      await this.directory.refresh();
      return open();
    }
  }

  private nextReceivedAt(): Date {
    this.lastReceivedAt = Math.max(Date.now(), this.lastReceivedAt + 1);
    return new Date(this.lastReceivedAt);
  }

  /** A duplicate is not an error: the sender may not have seen our first receipt, so it gets another one. */
  private async acknowledgeDuplicate(wire: string): Promise<void> {
    const verified = await this.opener.verify(wire);
    if (verified.header.type !== RECEIPT_TYPE) await this.receipts.send(verified.header, verified.digest, true);
  }

  private async reject(record: InboundRecord, code: string, detail: string): Promise<void> {
    this.logger.warn(`dead-lettered ${record.topic}/${record.partition}@${record.offset}: ${code}`);
    await this.deadLetters.deadLetter(record, { code, detail });
  }
}
