import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { MessageValidator, messageSchemaId } from '@enlace/contracts';
import {
  DirectoryMember,
  EnvelopeHeader,
  EnvelopeOpener,
  EnvelopeSealer,
  InMemoryMemberDirectory,
  NodeKeys,
  generateNodeKeys,
} from '@enlace/envelope';
import { COMMIT_NOW, ConsumptionHalt, DeadLetterPublisher, DeadLetterReason, InboundRecord } from '@enlace/messaging';
import { CaseKeyStore, CaseKeyUnopenableError, PersonalDataVault, SealedUse } from '@enlace/privacy';
import { InboxEntry, InboxStore } from '@enlace/store';
import { DeliveryReceiptSender } from './delivery-receipt.sender';
import { InboundEnvelopeHandler, MAX_RECORD_TRIES } from './inbound-envelope.handler';

const NETWORK = 'enlace-test';
const INBOX_TOPIC = `enlace.${NETWORK}.inbox.EC`;

/** The in-memory stand-in of the node's inbox table; `failing` plays the database being away. */
interface InboxFake {
  readonly entries: Map<string, InboxEntry>;
  readonly recorded: InboxEntry[];
  /** How many entries each call of record stored or found there. */
  readonly batches: number[];
  failing: 'has' | 'record' | 'poison' | undefined;
  has(envelopeId: string): Promise<boolean>;
  record(entries: readonly InboxEntry[]): Promise<('stored' | 'duplicate')[]>;
}

interface DeadLettersFake {
  readonly calls: { record: InboundRecord; reason: DeadLetterReason }[];
  deadLetter(record: InboundRecord, reason: DeadLetterReason): Promise<void>;
}

interface ReceiptsFake {
  readonly calls: { received: EnvelopeHeader; digest: string; duplicate: boolean }[];
  /** How many receipts each call of sendMany produced. */
  readonly batches: number[];
  send(received: EnvelopeHeader, digest: string, duplicate: boolean): Promise<void>;
  sendMany(answers: readonly { received: EnvelopeHeader; digest: string; duplicate: boolean }[]): Promise<void>;
}

/** Case keys in memory (the real store is the node database); the vault and its cipher are the real ones. */
function caseKeysFake() {
  const keys = new Map<string, Uint8Array | 'destroyed'>();
  const live = (caseId: string) => {
    const key = keys.get(caseId);
    return key === 'destroyed' ? undefined : key;
  };
  return {
    keys,
    getOrCreate: async (caseId: string) => {
      if (!keys.has(caseId)) keys.set(caseId, new Uint8Array(randomBytes(32)));
      return live(caseId);
    },
    getOrCreateMany: async (caseIds: readonly string[]) => {
      for (const caseId of caseIds) if (!keys.has(caseId)) keys.set(caseId, new Uint8Array(randomBytes(32)));
      return new Map(caseIds.map((caseId) => [caseId, live(caseId)]));
    },
    find: async (caseId: string) => live(caseId),
    destroy: async (caseId: string) => void keys.set(caseId, 'destroyed'),
  };
}

function inboxFake(): InboxFake {
  const databaseAway = (): Error =>
    Object.assign(new Error('connection to the node database was closed'), { code: 'ECONNRESET' });
  const inbox: InboxFake = {
    entries: new Map(),
    recorded: [],
    batches: [],
    failing: undefined,
    async has(envelopeId) {
      if (inbox.failing === 'has') throw databaseAway();
      return inbox.entries.has(envelopeId);
    },
    async record(entries) {
      if (inbox.failing === 'record') throw databaseAway();
      if (inbox.failing === 'poison') throw new TypeError('a fault that no retry mends');
      inbox.batches.push(entries.length);
      return entries.map((entry) => {
        inbox.recorded.push(entry);
        if (inbox.entries.has(entry.envelopeId)) return 'duplicate';
        inbox.entries.set(entry.envelopeId, entry);
        return 'stored';
      });
    },
  };
  return inbox;
}

function deadLettersFake(): DeadLettersFake {
  const calls: DeadLettersFake['calls'] = [];
  return {
    calls,
    async deadLetter(record, reason) {
      calls.push({ record, reason });
    },
  };
}

function receiptsFake(): ReceiptsFake {
  const calls: ReceiptsFake['calls'] = [];
  const batches: number[] = [];
  return {
    calls,
    batches,
    async send(received, digest, duplicate) {
      calls.push({ received, digest, duplicate });
    },
    async sendMany(answers) {
      batches.push(answers.length);
      calls.push(...answers);
    },
  };
}

async function member(country: string): Promise<{ keys: NodeKeys; entry: DirectoryMember }> {
  const { nodeKeys, publicKeys } = await generateNodeKeys(country);
  return {
    keys: nodeKeys,
    entry: {
      country,
      nodeId: `${country.toLowerCase()}-node-1`,
      organisations: [`${country} national focal point`],
      ...publicKeys,
      validFrom: '2020-01-01T00:00:00.000Z',
    },
  };
}

function recordOf(value: string | Buffer | null): InboundRecord {
  return {
    topic: INBOX_TOPIC,
    partition: 0,
    offset: '42',
    key: Buffer.from(randomUUID()),
    value: typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
    headers: {},
  };
}

function headerFor(type: string, to: string, caseId: string = randomUUID()): EnvelopeHeader {
  return {
    id: randomUUID(),
    type,
    network: NETWORK,
    from: 'CO',
    to,
    caseId,
    correlationId: caseId,
    sentAt: new Date().toISOString(),
    schema: messageSchemaId(type),
  };
}

function referralRequested(referralId: string, firstName = 'Ana'): Record<string, unknown> {
  return {
    referralId,
    reason: 'MigrationOrChangeOfLocation',
    servicesRequested: ['Health', 'SocialCare'],
    urgency: 'high',
    person: { firstName, secondName: 'Rojas', gender: 'Feminine', nationality: 'CO' },
    consent: { purpose: 'Referral for assistance in Ecuador', scope: ['identity'], recordedAt: '2025-03-13T16:00:00Z' },
    answerDueAt: '2025-03-21T09:30:00Z',
    requestedAt: '2025-03-14T09:30:00Z',
  };
}

/** Changes one character of a base64url segment into another, so the bytes it stands for change. */
function flipCharacter(wire: string, index: number): string {
  const character = wire[index];
  const replacement = character === 'A' ? 'B' : 'A';
  return `${wire.slice(0, index)}${replacement}${wire.slice(index + 1)}`;
}

describe('InboundEnvelopeHandler', () => {
  const validator = new MessageValidator();
  let co: Awaited<ReturnType<typeof member>>;
  let ec: Awaited<ReturnType<typeof member>>;
  let pe: Awaited<ReturnType<typeof member>>;
  let stranger: Awaited<ReturnType<typeof member>>;
  let sealerCo: EnvelopeSealer;
  let inbox: InboxFake;
  let deadLetters: DeadLettersFake;
  let receipts: ReceiptsFake;
  let handler: InboundEnvelopeHandler;
  let logged: unknown[][];
  let vault: PersonalDataVault;
  let caseKeys: ReturnType<typeof caseKeysFake>;

  beforeAll(async () => {
    [co, ec, pe, stranger] = (await Promise.all(['CO', 'EC', 'PE', 'BO'].map(member))) as [
      typeof co,
      typeof ec,
      typeof pe,
      typeof stranger,
    ];
    // The sender knows every member; the receiver's directory does not list the stranger (BO).
    sealerCo = new EnvelopeSealer(co.keys, new InMemoryMemberDirectory([co.entry, ec.entry, pe.entry]), NETWORK);
  });

  beforeEach(() => {
    inbox = inboxFake();
    deadLetters = deadLettersFake();
    receipts = receiptsFake();
    caseKeys = caseKeysFake();
    vault = new PersonalDataVault(caseKeys as unknown as CaseKeyStore);
    const opener = new EnvelopeOpener(ec.keys, new InMemoryMemberDirectory([co.entry, ec.entry, pe.entry]), NETWORK);
    handler = new InboundEnvelopeHandler(
      opener,
      validator,
      inbox as unknown as InboxStore,
      deadLetters as unknown as DeadLetterPublisher,
      receipts as unknown as DeliveryReceiptSender,
      vault,
    );
    logged = [];
    for (const level of ['log', 'warn', 'error', 'debug', 'verbose'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logged.push(args);
      });
    }
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const seal = (header: EnvelopeHeader, payload: unknown): Promise<string> => sealerCo.seal(header, payload);

  function expectDeadLettered(record: InboundRecord, codes: readonly string[]): DeadLetterReason {
    expect(deadLetters.calls).toHaveLength(1);
    const [call] = deadLetters.calls;
    expect(call?.record).toBe(record);
    expect(codes).toContain(call?.reason.code);
    expect(inbox.recorded).toHaveLength(0);
    expect(receipts.calls).toHaveLength(0);
    return call?.reason as DeadLetterReason;
  }

  describe('handle', () => {
    describe('with a valid referral.requested.v1 from CO to EC', () => {
      it('should store it once and send one receipt that is not a duplicate', async () => {
        const referralId = randomUUID();
        const header = headerFor('referral.requested.v1', 'EC', referralId);
        const payload = referralRequested(referralId);

        await handler.handle(recordOf(await seal(header, payload)));

        expect(inbox.recorded).toHaveLength(1);
        const [entry] = inbox.recorded;
        expect(entry).toMatchObject({
          envelopeId: header.id,
          type: 'referral.requested.v1',
          from: 'CO',
          caseId: referralId,
          correlationId: referralId,
          sentAt: new Date(header.sentAt),
          sealedPayload: expect.any(String),
        });
        // At rest the message is sealed with its case's key: no field of it in clear, and it opens to the message.
        expect(entry?.payload).toBeUndefined();
        expect(entry?.sealedPayload).not.toContain('Referral for assistance');
        expect(await vault.open(referralId, SealedUse.inbox(header.id), entry?.sealedPayload ?? '')).toEqual(payload);
        expect(receipts.calls).toHaveLength(1);
        expect(receipts.calls[0]).toMatchObject({ received: { id: header.id, from: 'CO' }, duplicate: false });
        expect(receipts.calls[0]?.digest).toBe(entry?.digest);
        expect(deadLetters.calls).toHaveLength(0);
      });
    });

    describe('for a case whose key was destroyed (the person erased)', () => {
      it('should keep the message without its payload, and still receipt it', async () => {
        const referralId = randomUUID();
        await vault.erase(referralId);
        const header = headerFor('referral.requested.v1', 'EC', referralId);
        await handler.handle(recordOf(await seal(header, referralRequested(referralId))));
        expect(inbox.recorded).toHaveLength(1);
        expect(inbox.recorded[0]).toMatchObject({ envelopeId: header.id, payloadWithheld: 'CASE_ERASED' });
        expect(inbox.recorded[0]?.payload).toBeUndefined();
        expect(inbox.recorded[0]?.sealedPayload).toBeUndefined();
        expect(receipts.calls).toHaveLength(1);
        expect(caseKeys.keys.get(referralId)).toBe('destroyed');
      });
    });

    describe('with the same wire again', () => {
      it('should not store it again and receipt it as a duplicate with the same digest', async () => {
        const header = headerFor('referral.requested.v1', 'EC');
        const wire = await seal(header, referralRequested(header.caseId));

        await handler.handle(recordOf(wire));
        await handler.handle(recordOf(wire));

        expect(inbox.recorded).toHaveLength(1);
        expect(receipts.calls.map((call) => call.duplicate)).toEqual([false, true]);
        expect(receipts.calls[1]?.received.id).toBe(header.id);
        expect(receipts.calls[1]?.digest).toBe(receipts.calls[0]?.digest);
        expect(deadLetters.calls).toHaveLength(0);
      });
    });

    describe('with a duplicate the inbox notices only when storing', () => {
      it('should receipt it as a duplicate', async () => {
        const header = headerFor('referral.accepted.v1', 'EC');
        const wire = await seal(header, { referralId: header.caseId, acceptedAt: '2025-03-15T10:00:00Z' });
        await handler.handle(recordOf(wire));
        // A second courier stored it between our duplicate check and our write.
        jest.spyOn(inbox, 'has').mockResolvedValue(false);

        await handler.handle(recordOf(wire));

        expect(receipts.calls.map((call) => call.duplicate)).toEqual([false, true]);
        expect(inbox.entries.size).toBe(1);
      });
    });

    describe('with a flipped byte', () => {
      it('should dead-letter a changed signature as TAMPERED and keep the record as it came', async () => {
        const wire = await seal(headerFor('referral.requested.v1', 'EC'), referralRequested(randomUUID()));
        const signatureStart = wire.lastIndexOf('.') + 1;
        const record = recordOf(flipCharacter(wire, signatureStart + 10));

        await handler.handle(record);

        expectDeadLettered(record, ['TAMPERED']);
      });

      it('should dead-letter a changed content as TAMPERED or MALFORMED', async () => {
        const wire = await seal(headerFor('referral.requested.v1', 'EC'), referralRequested(randomUUID()));
        const contentEnd = wire.lastIndexOf('.');
        const record = recordOf(flipCharacter(wire, contentEnd - 40));

        await handler.handle(record);

        expectDeadLettered(record, ['TAMPERED', 'MALFORMED']);
      });
    });

    describe('with an envelope addressed to PE', () => {
      it('should dead-letter it as WRONG_ADDRESSEE without asking the inbox', async () => {
        const record = recordOf(await seal(headerFor('referral.requested.v1', 'PE'), referralRequested(randomUUID())));
        const has = jest.spyOn(inbox, 'has');

        await handler.handle(record);

        expectDeadLettered(record, ['WRONG_ADDRESSEE']);
        expect(has).not.toHaveBeenCalled();
      });
    });

    describe('with an envelope from a country outside the directory', () => {
      it('should dead-letter it as UNKNOWN_SENDER', async () => {
        const sealer = new EnvelopeSealer(stranger.keys, new InMemoryMemberDirectory([ec.entry]), NETWORK);
        const header = { ...headerFor('referral.requested.v1', 'EC'), from: 'BO' };
        const record = recordOf(await sealer.seal(header, referralRequested(header.caseId)));

        await handler.handle(record);

        expectDeadLettered(record, ['UNKNOWN_SENDER']);
      });
    });

    describe('with a payload that breaks its contract', () => {
      it('should dead-letter it as CONTRACT_VIOLATION naming the path, never a value', async () => {
        const marker = `marker-${randomUUID()}`;
        const header = headerFor('referral.requested.v1', 'EC');
        const payload = referralRequested(header.caseId, marker);
        payload['urgency'] = `${marker}-urgency`;
        const record = recordOf(await seal(header, payload));

        await handler.handle(record);

        const reason = expectDeadLettered(record, ['CONTRACT_VIOLATION']);
        expect(reason.detail).toContain('/urgency');
        const everything = JSON.stringify([deadLetters.calls, receipts.calls, inbox.recorded, logged]);
        expect(everything).not.toContain(marker);
      });
    });

    describe('with a header that breaks its contract', () => {
      it('should dead-letter a header whose schema is not its type’s as CONTRACT_VIOLATION', async () => {
        const header = { ...headerFor('referral.accepted.v1', 'EC'), schema: messageSchemaId('referral.declined.v1') };
        const record = recordOf(await seal(header, { referralId: header.caseId, acceptedAt: '2025-03-15T10:00:00Z' }));

        await handler.handle(record);

        expect(expectDeadLettered(record, ['CONTRACT_VIOLATION']).detail).toContain('/schema');
      });

      it('should dead-letter an envelope of a network name the header contract refuses', async () => {
        // The envelope library admits upper case and underscores in a network name; the header contract does not.
        const network = 'Enlace_Test';
        const sealer = new EnvelopeSealer(co.keys, new InMemoryMemberDirectory([ec.entry]), network);
        const opener = new EnvelopeOpener(ec.keys, new InMemoryMemberDirectory([co.entry]), network);
        const strict = new InboundEnvelopeHandler(
          opener,
          validator,
          inbox as unknown as InboxStore,
          deadLetters as unknown as DeadLetterPublisher,
          receipts as unknown as DeliveryReceiptSender,
          vault,
        );
        const header = { ...headerFor('referral.accepted.v1', 'EC'), network };
        const record = recordOf(
          await sealer.seal(header, { referralId: header.caseId, acceptedAt: '2025-03-15T10:00:00Z' }),
        );

        await strict.handle(record);

        expect(expectDeadLettered(record, ['CONTRACT_VIOLATION']).detail).toContain('/network');
      });
    });

    describe('with an empty record', () => {
      it.each([
        ['no value', null],
        ['zero bytes', Buffer.alloc(0)],
      ])('should dead-letter %s as MALFORMED', async (_name, value) => {
        const record = recordOf(value);

        await handler.handle(record);

        expectDeadLettered(record, ['MALFORMED']);
      });
    });

    describe('with bytes that are no envelope', () => {
      it('should dead-letter them as MALFORMED', async () => {
        const record = recordOf('{"header":{}}');

        await handler.handle(record);

        expectDeadLettered(record, ['MALFORMED']);
      });
    });

    describe('with a receipt.delivered.v1', () => {
      const receiptFor = (header: EnvelopeHeader): Record<string, unknown> => ({
        receivedEnvelopeId: header.causationId,
        receivedEnvelopeDigest: 'u3Z4nM9QGvJ2k8lHq4Yk1m0T8o1l3b5cQv6rW7xY9zA',
        receivedAt: '2025-03-14T09:30:02Z',
        duplicate: false,
      });

      it('should store it without answering it with a receipt', async () => {
        const header = { ...headerFor('receipt.delivered.v1', 'EC'), causationId: randomUUID() };

        await handler.handle(recordOf(await seal(header, receiptFor(header))));

        expect(inbox.recorded.map((entry) => entry.envelopeId)).toEqual([header.id]);
        expect(inbox.recorded[0]?.causationId).toBe(header.causationId);
        expect(receipts.calls).toHaveLength(0);
        expect(deadLetters.calls).toHaveLength(0);
      });

      it('should not answer it either when it comes again', async () => {
        const header = { ...headerFor('receipt.delivered.v1', 'EC'), causationId: randomUUID() };
        const wire = await seal(header, receiptFor(header));

        await handler.handle(recordOf(wire));
        await handler.handle(recordOf(wire));

        expect(inbox.recorded).toHaveLength(1);
        expect(receipts.calls).toHaveLength(0);
        expect(deadLetters.calls).toHaveLength(0);
      });
    });

    describe('when the inbox store is away', () => {
      it.each(['has', 'record'] as const)(
        'should rethrow a failing %s so that the record comes back, dead-lettering nothing',
        async (failing) => {
          const header = headerFor('referral.requested.v1', 'EC');
          const record = recordOf(await seal(header, referralRequested(header.caseId)));
          inbox.failing = failing;

          await expect(handler.handle(record)).rejects.toThrow('connection to the node database was closed');

          expect(deadLetters.calls).toHaveLength(0);
          expect(receipts.calls).toHaveLength(0);
          expect(inbox.entries.size).toBe(0);
        },
      );

      it('should store and receipt the same record once the store is back', async () => {
        const header = headerFor('referral.requested.v1', 'EC');
        const record = recordOf(await seal(header, referralRequested(header.caseId)));
        inbox.failing = 'record';
        await expect(handler.handle(record)).rejects.toThrow();

        inbox.failing = undefined;
        await handler.handle(record);

        expect([...inbox.entries.keys()]).toEqual([header.id]);
        expect(receipts.calls.map((call) => call.duplicate)).toEqual([false]);
      });

      it(`should keep throwing, never dead-letter, however often the database is away`, async () => {
        const header = headerFor('referral.requested.v1', 'EC');
        const record = recordOf(await seal(header, referralRequested(header.caseId)));
        inbox.failing = 'record';
        for (let i = 0; i < MAX_RECORD_TRIES * 2; i++) await expect(handler.handle(record)).rejects.toThrow();
        expect(deadLetters.calls).toHaveLength(0);
      });
    });

    describe('when the node’s own keys fail (its fault, not the sender’s)', () => {
      it('should halt, never dead-letter, however often its key-encryption key does not open a case key', async () => {
        const header = headerFor('referral.requested.v1', 'EC');
        const record = recordOf(await seal(header, referralRequested(header.caseId)));
        const wrongKek = jest
          .spyOn(caseKeys, 'getOrCreateMany')
          .mockRejectedValue(
            new CaseKeyUnopenableError('the key-encryption key kek-2 does not open the key of case x'),
          );

        for (let i = 0; i < MAX_RECORD_TRIES * 2; i++) {
          await expect(handler.handle(record)).rejects.toThrow(ConsumptionHalt);
          await expect(handler.handleBatch([record])).rejects.toThrow(ConsumptionHalt);
        }

        expect(deadLetters.calls).toHaveLength(0);
        expect(inbox.entries.size).toBe(0);
        wrongKek.mockRestore();
        await handler.handleBatch([record]);
        expect([...inbox.entries.keys()]).toEqual([header.id]);
      });

      it('should halt when the envelope is sealed for a key the directory lists as its own but it does not hold', async () => {
        const header = headerFor('referral.requested.v1', 'EC');
        const record = recordOf(await seal(header, referralRequested(header.caseId)));
        // EC rotated its encryption key in the directory, but its courier still holds the old one.
        const { nodeKeys: rotated } = await generateNodeKeys('EC');
        const opener = new EnvelopeOpener(
          { ...ec.keys, encryption: rotated.encryption },
          new InMemoryMemberDirectory([co.entry, ec.entry, pe.entry]),
          NETWORK,
        );
        const stale = new InboundEnvelopeHandler(
          opener,
          validator,
          inbox as unknown as InboxStore,
          deadLetters as unknown as DeadLetterPublisher,
          receipts as unknown as DeliveryReceiptSender,
          vault,
        );

        for (let i = 0; i < MAX_RECORD_TRIES * 2; i++) {
          const halt = await stale.handleBatch([record]).catch((error: unknown) => error);
          expect(halt).toBeInstanceOf(ConsumptionHalt);
          expect((halt as ConsumptionHalt).reason).toContain('listed in the directory');
        }

        expect(deadLetters.calls).toHaveLength(0);
      });

      it('should still dead-letter an envelope sealed for a key that is not its own', async () => {
        const header = headerFor('referral.requested.v1', 'EC');
        // PE's key: the sender sealed for the wrong member, which is the sender's fault.
        const sealerForPe = new EnvelopeSealer(
          co.keys,
          new InMemoryMemberDirectory([co.entry, { ...ec.entry, encryptionKeys: pe.entry.encryptionKeys }, pe.entry]),
          NETWORK,
        );
        const record = recordOf(await sealerForPe.seal(header, referralRequested(header.caseId)));

        await handler.handle(record);

        expectDeadLettered(record, ['UNDECRYPTABLE']);
      });
    });

    describe('with a record that fails for no passing cause (a poison message)', () => {
      it(`should throw for ${MAX_RECORD_TRIES - 1} tries, then dead-letter it as UNPROCESSABLE with its bytes`, async () => {
        const header = headerFor('referral.requested.v1', 'EC');
        const record = recordOf(await seal(header, referralRequested(header.caseId)));
        inbox.failing = 'poison';
        for (let i = 1; i < MAX_RECORD_TRIES; i++) await expect(handler.handle(record)).rejects.toThrow(TypeError);
        expect(deadLetters.calls).toHaveLength(0);

        await handler.handle(record);

        expect(deadLetters.calls).toHaveLength(1);
        expect(deadLetters.calls[0]?.reason.code).toBe('UNPROCESSABLE');
        expect(deadLetters.calls[0]?.reason.detail).not.toContain('no retry mends');
        expect(deadLetters.calls[0]?.record.value).toEqual(record.value);
        expect(receipts.calls).toHaveLength(0);
      });
    });
  });
  describe('handleBatch', () => {
    const referralWire = async () => {
      const header = headerFor('referral.requested.v1', 'EC');
      return { header, wire: await seal(header, referralRequested(header.caseId)) };
    };

    describe('with three valid referrals and a record that is no envelope', () => {
      it('should store the three with one insert, answer them with one produce, then dead-letter the fourth', async () => {
        const sent = await Promise.all([referralWire(), referralWire(), referralWire()]);
        const garbage = recordOf('{"header":{}}');

        const outcome = await handler.handleBatch([...sent.map(({ wire }) => recordOf(wire)), garbage]);

        // Its offsets are committed at once: a crash before the next commit interval would dead-letter it again.
        expect(outcome).toBe(COMMIT_NOW);
        expect(inbox.batches).toEqual([3]);
        expect(inbox.recorded.map((entry) => entry.envelopeId)).toEqual(sent.map(({ header }) => header.id));
        // Each arrives later than the one before: node-api applies in that order.
        const times = inbox.recorded.map((entry) => entry.receivedAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(times).size).toBe(3);
        expect(receipts.batches).toEqual([3]);
        expect(receipts.calls.map((call) => call.duplicate)).toEqual([false, false, false]);
        expect(deadLetters.calls.map((call) => call.record)).toEqual([garbage]);
        expect(deadLetters.calls[0]?.reason.code).toBe('MALFORMED');
      });
    });

    describe('with the same envelope twice in one batch', () => {
      it('should keep it once and receipt the second copy as a duplicate', async () => {
        const { header, wire } = await referralWire();

        expect(await handler.handleBatch([recordOf(wire), recordOf(wire)])).toBeUndefined();

        expect([...inbox.entries.keys()]).toEqual([header.id]);
        expect(receipts.calls.map((call) => [call.received.id, call.duplicate])).toEqual([
          [header.id, false],
          [header.id, true],
        ]);
      });
    });

    describe('when the inbox store is away', () => {
      it('should throw so that the batch comes back, dead-lettering nothing, not even its garbage', async () => {
        const { wire } = await referralWire();
        inbox.failing = 'record';

        await expect(handler.handleBatch([recordOf(wire), recordOf(null)])).rejects.toThrow(
          'connection to the node database was closed',
        );

        expect(deadLetters.calls).toHaveLength(0);
        expect(receipts.calls).toHaveLength(0);
      });
    });

    describe('when the batch fails for no passing cause', () => {
      it('should handle its records one by one, so that only the poison one is counted and dead-lettered', async () => {
        const { wire } = await referralWire();
        const record = recordOf(wire);
        inbox.failing = 'poison';
        for (let i = 1; i < MAX_RECORD_TRIES; i++)
          await expect(handler.handleBatch([record])).rejects.toThrow(TypeError);
        expect(deadLetters.calls).toHaveLength(0);

        expect(await handler.handleBatch([record])).toBe(COMMIT_NOW);

        expect(deadLetters.calls.map((call) => call.reason.code)).toEqual(['UNPROCESSABLE']);
      });
    });
  });
});
