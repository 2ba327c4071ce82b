import { NodeHeartbeatV1 } from '@enlace/contracts';
import { NodeStatementTypes } from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { toNodeHealthView } from '../nodes/dto/node-health.view';
import { NodeHealthRepository, NodeHeartbeatRecord } from '../nodes/persistence/node-health.repository';
import { SignedStatementReader } from './signed-statement.reader';

const SCHEMA = 'urn:enlace:schema:node.heartbeat.v1';

/**
 * Keeps each node's latest heartbeat. A heartbeat counts only when signed by a key of the country it names
 * (SignedStatementReader): a member cannot make another look alive, or silence it with a later forged beat.
 */
export class HeartbeatRecordIngestor {
  constructor(
    private readonly statements: SignedStatementReader,
    private readonly nodes: NodeHealthRepository,
    private readonly events: MonitorEventBus,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    const heartbeats: NodeHeartbeatRecord[] = [];
    for (const record of records) {
      const heartbeat = await this.statements.read<NodeHeartbeatV1>(
        'heartbeat',
        NodeStatementTypes.heartbeat,
        SCHEMA,
        record,
      );
      if (heartbeat) heartbeats.push(heartbeatRecordOf(heartbeat));
    }
    const now = new Date();
    for (const kept of await this.nodes.recordAll(heartbeats)) {
      this.events.publish({ kind: 'heartbeat', node: toNodeHealthView(kept._id, kept, now) });
    }
  }
}

function heartbeatRecordOf(heartbeat: NodeHeartbeatV1): NodeHeartbeatRecord {
  return {
    _id: heartbeat.country,
    instanceId: heartbeat.instanceId,
    startedAt: new Date(heartbeat.startedAt),
    sentAt: new Date(heartbeat.sentAt),
    intervalMs: heartbeat.intervalMs,
    inboxLag: heartbeat.inboxLag,
  };
}
