/**
 * The notifications by which a node's processes wake each other when a transaction has committed work for the
 * other: node-api -> courier (`outbox`, `deadlineNotices`, `statisticsReports`), courier -> node-api (`inbox`). A notification carries
 * nothing but its channel: the woken process reads the work from the tables, so a lost notification only delays
 * it until the next safety sweep.
 */
export const NodeChannels = {
  outbox: 'enlace_outbox',
  inbox: 'enlace_inbox',
  deadlineNotices: 'enlace_deadline_notices',
  statisticsReports: 'enlace_statistics_reports',
} as const;

export type NodeChannel = (typeof NodeChannels)[keyof typeof NodeChannels];
