import { Logger } from '@nestjs/common';
import { MessageValidator, NodeHeartbeatV1 } from '@enlace/contracts';
import { InboundRecord } from '@enlace/messaging';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { toNodeHealthView } from '../nodes/dto/node-health.view';
import { NodeHealthRepository, NodeHeartbeatRecord } from '../nodes/persistence/node-health.repository';
import { parseJson } from './deadline-record.ingestor';

const SCHEMA = 'urn:enlace:schema:node.heartbeat.v1';

/** Keeps each node's latest heartbeat; what does not match its contract is logged (by position) and skipped. */
export class HeartbeatRecordIngestor {
  private readonly logger = new Logger(HeartbeatRecordIngestor.name);

  constructor(
    private readonly validator: MessageValidator,
    private readonly nodes: NodeHealthRepository,
    private readonly events: MonitorEventBus,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    const heartbeats = records.flatMap((record) => this.heartbeat(record) ?? []);
    const now = new Date();
    for (const kept of await this.nodes.recordAll(heartbeats)) {
      this.events.publish({ kind: 'heartbeat', node: toNodeHealthView(kept._id, kept, now) });
    }
  }

  private heartbeat(record: InboundRecord): NodeHeartbeatRecord | undefined {
    const heartbeat = parseJson(record.value);
    if (this.validator.validate(SCHEMA, heartbeat).length > 0) {
      this.logger.warn(`skipped ${record.topic}/${record.partition}@${record.offset}: not a ${SCHEMA}`);
      return undefined;
    }
    const valid = heartbeat as NodeHeartbeatV1;
    return {
      _id: valid.country,
      instanceId: valid.instanceId,
      startedAt: new Date(valid.startedAt),
      sentAt: new Date(valid.sentAt),
      intervalMs: valid.intervalMs,
      inboxLag: valid.inboxLag,
    };
  }
}
