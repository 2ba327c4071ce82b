import type { MonitorApiSchemas } from '@enlace/contracts';
import { nodeHealthStatus } from '../domain/node-health-status';
import { NodeHeartbeatRecord } from '../persistence/node-health.repository';

export type NodeHealthView = MonitorApiSchemas['NodeHealth'];

export function toNodeHealthView(
  country: string,
  heartbeat: NodeHeartbeatRecord | undefined,
  now: Date,
): NodeHealthView {
  return {
    country,
    status: nodeHealthStatus(heartbeat, now),
    lastHeartbeatAt: heartbeat ? heartbeat.sentAt.toISOString() : null,
    inboxLag: heartbeat ? heartbeat.inboxLag : null,
    intervalMs: heartbeat ? heartbeat.intervalMs : null,
    instanceId: heartbeat ? heartbeat.instanceId : null,
    startedAt: heartbeat ? heartbeat.startedAt.toISOString() : null,
  };
}
