import { isAtOrAfter } from '../shared/iso-instant';
import { ReintegrationCommandType, ReintegrationOpening } from './reintegration.commands';
import { ReintegrationRuleViolation } from './reintegration-rule-violation.error';
import { isReadableInstant } from './reintegration.schedule';
import { reintegrationConsentHoldsAt } from './reintegration.sharing';

/**
 * The rules on an opening, checked alike when the receiver opens the reintegration and when the sender
 * receives it at `openedAt`: readable instants, consent that holds then, a plan due no earlier than the arrival,
 * a follow-up interval of whole days. Returns only the opening's own fields, so nothing else a caller put in the command
 * reaches an event.
 */
export function checkedOpening(
  opening: ReintegrationOpening,
  commandType: ReintegrationCommandType,
  openedAt: string,
): ReintegrationOpening {
  const { planId, fromCountry, toCountry, arrivedAt, planDueAt, followUpIntervalDays, shareWithSender, consent } =
    opening;
  if (![openedAt, arrivedAt, planDueAt].every(isReadableInstant)) {
    throw new ReintegrationRuleViolation('INVALID_DATE', undefined, commandType, 'needs readable instants');
  }
  if (!reintegrationConsentHoldsAt(consent, openedAt)) {
    throw new ReintegrationRuleViolation(
      'CONSENT_REQUIRED',
      undefined,
      commandType,
      'needs consent that was recorded by the opening and holds then',
    );
  }
  if (!isAtOrAfter(planDueAt, arrivedAt)) {
    throw new ReintegrationRuleViolation(
      'INVALID_DATE',
      undefined,
      commandType,
      'needs a plan due no earlier than the arrival',
    );
  }
  if (!Number.isInteger(followUpIntervalDays) || followUpIntervalDays <= 0) {
    throw new ReintegrationRuleViolation(
      'INVALID_INTERVAL',
      undefined,
      commandType,
      'needs a follow-up interval of a whole number of days, at least one',
    );
  }
  const { purpose, recordedAt, expiresAt } = consent;
  return {
    planId,
    fromCountry,
    toCountry,
    arrivedAt,
    planDueAt,
    followUpIntervalDays,
    shareWithSender,
    consent: { purpose, recordedAt, ...(expiresAt === undefined ? {} : { expiresAt }) },
  };
}
