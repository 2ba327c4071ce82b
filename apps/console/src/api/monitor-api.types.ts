// The monitor API's types, as contracts/openapi/monitor.openapi.yaml defines them (branch monitor).
// TODO(monitor merge): replace with `MonitorApi.components['schemas']` from @enlace/contracts.
export type CountsByType = Record<string, number>;
export type Granularity = 'hour' | 'day' | 'month';

export interface FlowBucket {
  start: string;
  count: number;
  byType: CountsByType;
}
export interface CorridorFlow {
  from: string;
  to: string;
  total: number;
  byType: CountsByType;
  buckets: FlowBucket[];
}
export interface FlowReport {
  since: string;
  until: string;
  granularity: Granularity;
  corridors: CorridorFlow[];
}
export interface DelayStats {
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}
export interface DelayBucket {
  start: string;
  delivery: DelayStats;
  answer: DelayStats;
}
export interface CorridorDelays {
  from: string;
  to: string;
  delivery: DelayStats;
  answer: DelayStats;
  buckets: DelayBucket[];
}
export interface DelayReport {
  since: string;
  until: string;
  granularity: Granularity;
  corridors: CorridorDelays[];
}
export interface OverdueAnswer {
  id: string;
  country: string;
  counterpart: string;
  protocol: 'referral' | 'return' | 'reintegration';
  step: string;
  caseRef: string;
  dueAt: string;
  announcedAt: string;
  answeredAt: string | null;
}
export interface OverdueList {
  items: OverdueAnswer[];
}
export interface EnvelopeFacts {
  id: string;
  type: string;
  from: string;
  to: string;
  sentAt: string;
}
export interface DeadLetter {
  id: string;
  country: string;
  reason: string;
  detail: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  deadLetteredAt: string;
  envelope: EnvelopeFacts | null;
  status: 'pending' | 'redriven';
  redriveCount: number;
  lastRedrivenAt: string | null;
  lastRedrivenBy: string | null;
}
export interface DeadLetterList {
  items: DeadLetter[];
}
export interface RedriveReport {
  results: { id: string; outcome: 'redriven' | 'not-found' | 'gone' }[];
}
export interface NodeHealth {
  country: string;
  status: 'up' | 'late' | 'down' | 'unknown';
  lastHeartbeatAt: string | null;
  inboxLag: number | null;
  intervalMs: number | null;
  instanceId: string | null;
  startedAt: string | null;
}
export interface NodeHealthList {
  checkedAt: string;
  items: NodeHealth[];
}
export interface MonitorEvent {
  kind: 'envelope' | 'delivery' | 'answer' | 'dead-letter' | 'overdue' | 'heartbeat' | 'redrive';
  at: string;
}
