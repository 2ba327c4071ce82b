import { randomUUID } from 'node:crypto';
import {
  EnvelopeDraftHeader,
  EnvelopeSealer,
  EnvelopeVerifier,
  InMemoryMemberDirectory,
  generateNodeKeys,
} from '@enlace/envelope';
import { DeadLetterHeaders, InboundRecord } from '@enlace/messaging';
import { ScratchDatabase } from '@enlace/store';
import { MonitorDatabase } from '../database/monitor-database.schema';
import { migrateMonitorDatabase } from '../database/monitor-migrations';
import { toDeadLetterView } from '../dead-letters/dto/dead-letter.view';
import { DeadLetterRepository } from '../dead-letters/persistence/dead-letter.repository';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { DeadLetterRecordIngestor } from './dead-letter-record.ingestor';
import { EnvelopeHeaderReader } from './envelope-header.reader';

const NETWORK = 'monitor-int';

describe(DeadLetterRecordIngestor, () => {
  let scratch: ScratchDatabase<MonitorDatabase>;
  let deadLetters: DeadLetterRepository;
  let ingestor: DeadLetterRecordIngestor;
  let genuine: EnvelopeSealer;
  let forger: EnvelopeSealer;
  let offset = 0;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create('int_monitor_deadletter_ingest', migrateMonitorDatabase);
    const [co, ec, outsider] = await Promise.all([
      generateNodeKeys('CO'),
      generateNodeKeys('EC'),
      generateNodeKeys('CO'),
    ]);
    const member = (country: string, keys: typeof co) => ({
      country,
      nodeId: `${country.toLowerCase()}-node-1`,
      organisations: [],
      ...keys.publicKeys,
      validFrom: '2020-01-01T00:00:00.000Z',
    });
    const directory = new InMemoryMemberDirectory([member('CO', co), member('EC', ec)]);
    genuine = new EnvelopeSealer(co.nodeKeys, directory, NETWORK);
    // an outsider's key, sealing in CO's name: its header reads as CO's, its signature holds under no key of CO
    forger = new EnvelopeSealer(outsider.nodeKeys, directory, NETWORK);
    deadLetters = new DeadLetterRepository(scratch.db);
    ingestor = new DeadLetterRecordIngestor(
      new EnvelopeHeaderReader(new EnvelopeVerifier(directory, NETWORK)),
      deadLetters,
      new MonitorEventBus(),
    );
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  const deadLettered = (value: Buffer): InboundRecord => ({
    topic: `enlace.${NETWORK}.deadletter.EC`,
    partition: 0,
    offset: String(offset++),
    key: null,
    value,
    headers: {
      [DeadLetterHeaders.reason]: 'TAMPERED',
      [DeadLetterHeaders.detail]: 'the signature does not verify',
      [DeadLetterHeaders.originalTopic]: `enlace.${NETWORK}.inbox.EC`,
      [DeadLetterHeaders.originalPartition]: '0',
      [DeadLetterHeaders.originalOffset]: '7',
      [DeadLetterHeaders.deadLetteredAt]: new Date().toISOString(),
    },
  });
  const sealed = async (sealer: EnvelopeSealer): Promise<Buffer> => {
    const draft: EnvelopeDraftHeader = {
      id: randomUUID(),
      type: 'referral.requested.v1',
      to: 'EC',
      caseId: randomUUID(),
      correlationId: randomUUID(),
      schema: 'urn:enlace:schema:referral.requested:v1',
      sentAt: new Date().toISOString(),
    };
    return Buffer.from(await sealer.seal(draft, { note: 'never read by the monitor' }));
  };

  describe('ingest', () => {
    it('should mark what does not verify against the directory, and only that', async () => {
      // given a genuine envelope of CO, one forged in CO's name, and bytes that are no envelope, all dead-lettered
      const records = [
        deadLettered(await sealed(genuine)),
        deadLettered(await sealed(forger)),
        deadLettered(Buffer.from('not an envelope')),
      ];

      // when the monitor reads them
      await ingestor.ingest(records);

      // then the views say which one verified; the forged one's claimed sender is kept, marked unverified
      const views = await Promise.all(
        records.map(async (record) => {
          const kept = await deadLetters.get(`EC.0.${record.offset}`);
          return kept && toDeadLetterView(kept);
        }),
      );
      expect(views.map((view) => [view?.envelope?.from ?? null, view?.envelopeVerified])).toEqual([
        ['CO', true],
        ['CO', false],
        [null, false],
      ]);
    });
  });
});
