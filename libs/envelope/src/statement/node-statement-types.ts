/**
 * The JWS `typ` of each kind of statement a node signs in clear for the whole network. A statement verifies only as
 * the kind it was signed as, so a heartbeat cannot be replayed as an overdue announcement or a statistics report.
 */
export const NodeStatementTypes = {
  /** statistics-report.v1 on enlace.<net>.statistics */
  statisticsReport: 'enlace-statistics+jws',
  /** node.heartbeat.v1 on enlace.<net>.heartbeats */
  heartbeat: 'enlace-heartbeat+jws',
  /** deadline.overdue.v1 on enlace.<net>.deadlines */
  deadlineOverdue: 'enlace-deadline+jws',
} as const;
