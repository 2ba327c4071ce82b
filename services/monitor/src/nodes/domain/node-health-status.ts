export type NodeHealthStatus = 'up' | 'late' | 'down' | 'unknown';

/** Beats a node may miss and still count as up, or as late rather than down. */
const UP_WITHIN_BEATS = 2;
const LATE_WITHIN_BEATS = 5;

/** A node's health from its last heartbeat: up within two of its intervals, late within five, down after. */
export function nodeHealthStatus(
  lastHeartbeat: { readonly sentAt: Date; readonly intervalMs: number } | undefined,
  now: Date,
): NodeHealthStatus {
  if (!lastHeartbeat) return 'unknown';
  const silentMs = now.getTime() - lastHeartbeat.sentAt.getTime();
  if (silentMs <= UP_WITHIN_BEATS * lastHeartbeat.intervalMs) return 'up';
  if (silentMs <= LATE_WITHIN_BEATS * lastHeartbeat.intervalMs) return 'late';
  return 'down';
}
