import { ReturnStatus } from './return.state';

/** Statuses a return rests in for good: nothing but a crossing message from the other end changes them. */
export const RETURN_TERMINAL_STATUSES: readonly ReturnStatus[] = [
  'nationality-not-confirmed',
  'not-safe',
  'barred',
  'handed-over',
  'cancelled',
  'consent-withdrawn',
];

/** Open statuses before the person leaves: the return can still be suspended or cancelled by the person. */
export const RETURN_BEFORE_DEPARTURE_STATUSES: readonly ReturnStatus[] = [
  'requested',
  'nationality-verified',
  'risk-assessed',
  'plan-proposed',
  'plan-confirmed',
  'documents-issued',
  'travel-scheduled',
  'no-show',
];

/** Statuses in which the return is still in progress; it must end in a terminal one. */
export const RETURN_OPEN_STATUSES: readonly ReturnStatus[] = [
  ...RETURN_BEFORE_DEPARTURE_STATUSES,
  'departed',
  'arrived',
  'suspended',
];

export function isReturnTerminal(status: ReturnStatus): boolean {
  return RETURN_TERMINAL_STATUSES.includes(status);
}

export function isReturnOpen(status: ReturnStatus): boolean {
  return RETURN_OPEN_STATUSES.includes(status);
}
