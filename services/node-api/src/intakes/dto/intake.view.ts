import { holdsRight, type Role } from '@enlace/auth';
import type { IntakeScreeningOutcome, IntakeState } from '@enlace/protocols';
import type { IntakeDocument } from '../persistence/intake.document';
import type { IntakeAction, IntakeSummary, IntakeView } from './intake.requests';

/** The screening in HTCDS terms (vic_TraffickingStatus); more information needed has none yet. */
const TRAFFICKING_STATUS: Partial<
  Record<IntakeScreeningOutcome, 'PossibleVictimOfTrafficking' | 'NotAVictimOfTrafficking'>
> = {
  'presumed-victim': 'PossibleVictimOfTrafficking',
  'not-a-case': 'NotAVictimOfTrafficking',
};

export function toIntakeSummary(document: IntakeDocument): IntakeSummary {
  const { conversion } = document.state;
  return {
    id: document.id,
    status: document.state.status,
    channel: document.channel,
    urgency: document.urgency,
    ...(document.believedCountry ? { believedCountry: document.believedCountry } : {}),
    ...(conversion ? { case: { protocol: conversion.protocol, caseId: conversion.caseId, at: conversion.at } } : {}),
    recordedAt: document.state.recordedAt,
    updatedAt: document.updatedAt.toISOString(),
  };
}

/** The whole intake for a user of this node, with the actions this user may take now. */
export function toIntakeView(document: IntakeDocument, roles: readonly Role[] = []): IntakeView {
  const { reporter, person, situation, consent } = document.personal;
  const { screening } = document.state;
  const traffickingStatus = screening ? TRAFFICKING_STATUS[screening.outcome] : undefined;
  return {
    ...toIntakeSummary(document),
    ...(reporter ? { reporter } : {}),
    ...(person ? { person } : {}),
    ...(document.indicators ? { indicators: document.indicators } : {}),
    ...(situation ? { situation } : {}),
    ...(consent ? { consent } : {}),
    ...(screening
      ? {
          screening: {
            outcome: screening.outcome,
            ...(traffickingStatus ? { traffickingStatus } : {}),
            ...(screening.reason ? { reason: screening.reason } : {}),
            at: screening.at,
          },
        }
      : {}),
    ...(document.state.erasedAt ? { erasedAt: document.state.erasedAt } : {}),
    timeline: document.timeline.map((entry) => ({ ...entry, status: entry.status as IntakeView['status'] })),
    allowedActions: intakeActionsFor(document.state, roles),
  };
}

/** What a user with `roles` may do with the intake as it stands (the same rules decideIntake enforces). */
export function intakeActionsFor(state: IntakeState, roles: readonly Role[]): IntakeAction[] {
  const actions: IntakeAction[] = [];
  if (state.erasedAt) return actions;
  if ((state.status === 'recorded' || state.status === 'needs-information') && holdsRight(roles, 'intake.screen')) {
    actions.push('screen');
  }
  if (state.status === 'presumed-victim' && holdsRight(roles, 'intake.convert')) actions.push('referral', 'return');
  const mergeable =
    state.status === 'recorded' || state.status === 'needs-information' || state.status === 'presumed-victim';
  if (mergeable && holdsRight(roles, 'intake.screen')) actions.push('merge');
  if (holdsRight(roles, 'intake.screen')) actions.push('erase');
  return actions;
}
