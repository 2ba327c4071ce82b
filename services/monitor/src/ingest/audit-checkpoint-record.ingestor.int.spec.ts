import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { AuditCheckpointV1, MessageValidator } from '@enlace/contracts';
import {
  DirectoryMember,
  InMemoryMemberDirectory,
  NodeKeys,
  NodeStatementSigner,
  NodeStatementVerifier,
  generateNodeKeys,
} from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { ScratchDatabase } from '@enlace/store';
import { AuditCheckpointRepository } from '../audit-checkpoints/persistence/audit-checkpoint.repository';
import { MonitorDatabase } from '../database/monitor-database.schema';
import { migrateMonitorDatabase } from '../database/monitor-migrations';
import { AUDIT_CHECKPOINT_JWS_TYP, AuditCheckpointRecordIngestor } from './audit-checkpoint-record.ingestor';

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

const checkpoint = (country: string, sequence: number, headMac: string): AuditCheckpointV1 => ({
  checkpointId: randomUUID(),
  network: 'monitor-int',
  country,
  sequence,
  headMac,
  count: sequence,
  at: new Date(Date.UTC(2026, 2, 1, 0, sequence)).toISOString(),
});

let offset = 0;
const record = (value: string): InboundRecord =>
  ({
    topic: 'enlace.monitor-int.audit-checkpoints',
    partition: 0,
    offset: String(offset++),
    key: null,
    headers: {},
    value: Buffer.from(value),
  }) as unknown as InboundRecord;

describe(AuditCheckpointRecordIngestor, () => {
  let scratch: ScratchDatabase<MonitorDatabase>;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    scratch = await ScratchDatabase.create('int_monitor_audit_cp', migrateMonitorDatabase);
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it("should keep what a node signed of its own log, and skip another member's checkpoint in its name", async () => {
    const [co, ec] = await Promise.all([member('CO'), member('EC')]);
    const verifier = new NodeStatementVerifier(new InMemoryMemberDirectory([co.entry, ec.entry]));
    const checkpoints = new AuditCheckpointRepository(scratch.db);
    const ingestor = new AuditCheckpointRecordIngestor(verifier, new MessageValidator(), checkpoints);
    const sign = (keys: NodeKeys, statement: AuditCheckpointV1) =>
      new NodeStatementSigner(keys).sign(AUDIT_CHECKPOINT_JWS_TYP, { ...statement });
    const first = await sign(co.keys, checkpoint('CO', 40, 'a'.repeat(64)));
    const latest = await sign(co.keys, checkpoint('CO', 41, 'b'.repeat(64)));
    // EC's key signing a longer log in CO's name: the signature holds, but not under a key of CO
    const forgedStatement = await sign(ec.keys, checkpoint('EC', 99, 'c'.repeat(64)));
    const [header, , signature] = forgedStatement.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify(checkpoint('CO', 99, 'c'.repeat(64)))).toString('base64url')}.${signature}`;

    await ingestor.ingest([record(first), record(latest), record(forged), record(latest), record('not a jws')]);

    expect(await checkpoints.latest('CO')).toEqual({
      country: 'CO',
      sequence: 41,
      headMac: 'b'.repeat(64),
      count: 41,
      at: '2026-03-01T00:41:00.000Z',
      receivedAt: expect.any(String),
      statement: latest,
    });
    const kept = await scratch.db.selectFrom('audit_checkpoints').select(['country', 'sequence']).execute();
    expect(kept).toHaveLength(2);
    expect(await checkpoints.latest('EC')).toBeUndefined();
  });
});
