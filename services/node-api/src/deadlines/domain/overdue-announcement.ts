import { randomUUID } from 'node:crypto';

/** What the node knows of one step that another country let go overdue. */
export interface OverdueStep {
  readonly protocol: 'referral' | 'return' | 'reintegration';
  readonly caseRef: string;
  readonly step: string;
  readonly counterpart: string;
  readonly due: Date;
}

/**
 * The announcement of an overdue step as the contract deadline.overdue.v1 has it: timing facts and the case
 * reference only, never a person's data or free text. Its notice id makes one announcement per step and due time.
 */
export function overdueAnnouncementOf(
  network: string,
  country: string,
  overdue: OverdueStep,
  now: Date,
): { noticeId: string; announcement: Record<string, unknown> } {
  const dueAt = overdue.due.toISOString();
  return {
    noticeId: `${overdue.caseRef}:${overdue.step}:${dueAt}`,
    announcement: {
      announcementId: randomUUID(),
      network,
      country,
      counterpart: overdue.counterpart,
      protocol: overdue.protocol,
      step: overdue.step,
      caseRef: overdue.caseRef,
      dueAt,
      announcedAt: now.toISOString(),
    },
  };
}
