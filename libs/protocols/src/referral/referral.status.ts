import { ReferralStatus } from './referral.state';

/** Statuses a referral rests in for good: nothing but a crossing message from the other end changes them. */
export const REFERRAL_TERMINAL_STATUSES: readonly ReferralStatus[] = [
  'declined',
  'withdrawn',
  'consent-withdrawn',
  'expired',
  'closed',
];

/** Statuses in which the referral is still in progress; the loop must end in a terminal one. */
export const REFERRAL_OPEN_STATUSES: readonly ReferralStatus[] = [
  'draft',
  'sent',
  'delivered',
  'info-requested',
  'accepted',
  'in-service',
];

export function isTerminal(status: ReferralStatus): boolean {
  return REFERRAL_TERMINAL_STATUSES.includes(status);
}

export function isOpen(status: ReferralStatus): boolean {
  return REFERRAL_OPEN_STATUSES.includes(status);
}
