import { ReintegrationOpening } from './reintegration.commands';
import {
  ReintegrationClosureReason,
  ReintegrationSupportType,
  ReintegrationWellbeing,
  ReintegrationRiskReviewOutcome,
} from './reintegration.state';

// Every event names its plan and the instant it happened at, so an event read on its own (from a stream or from
// the other end's message) says what it is about. Due times are computed by decide() and carried in the
// event, so both replicas hold the same ones without computing anything.

/** Starts the receiver's replica; shared with the sender only where the person consented. */
export interface ReintegrationOpened {
  type: 'ReintegrationOpened';
  data: ReintegrationOpening & { at: string };
}

/** Starts the sender's replica, with the facts of the opening. */
export interface ReintegrationReceived {
  type: 'ReintegrationReceived';
  data: ReintegrationOpening & { openedAt: string; at: string };
}

export interface ReintegrationPlanAgreed {
  type: 'ReintegrationPlanAgreed';
  data: {
    planId: string;
    supportTypes: ReintegrationSupportType[];
    plannedEndDate: string;
    agreedLate: boolean;
    at: string;
  };
}

export interface ImplementationStarted {
  type: 'ImplementationStarted';
  data: { planId: string; at: string };
}

export interface MonitoringStarted {
  type: 'MonitoringStarted';
  data: { planId: string; nextFollowUpDueAt: string; at: string };
}

export interface FollowUpReported {
  type: 'FollowUpReported';
  data: {
    planId: string;
    sequence: number;
    wellbeing: ReintegrationWellbeing;
    signsOfRetrafficking: boolean;
    /** Absent when signs of re-trafficking stop the follow-ups for a risk review. */
    nextFollowUpDueAt?: string;
    at: string;
  };
}

export interface RiskReviewResolved {
  type: 'RiskReviewResolved';
  data: {
    planId: string;
    outcome: ReintegrationRiskReviewOutcome;
    reason: string;
    /** Present when monitoring continues. */
    nextFollowUpDueAt?: string;
    at: string;
  };
}

export interface ReintegrationClosed {
  type: 'ReintegrationClosed';
  data: { planId: string; reason: ReintegrationClosureReason; at: string };
}

export interface ReintegrationReReferred {
  type: 'ReintegrationReReferred';
  data: { planId: string; reason: string; at: string };
}

export interface ReintegrationConsentWithdrawn {
  type: 'ReintegrationConsentWithdrawn';
  data: { planId: string; at: string };
}

export type ReintegrationEvent =
  | ReintegrationOpened
  | ReintegrationReceived
  | ReintegrationPlanAgreed
  | ImplementationStarted
  | MonitoringStarted
  | FollowUpReported
  | RiskReviewResolved
  | ReintegrationClosed
  | ReintegrationReReferred
  | ReintegrationConsentWithdrawn;

export type ReintegrationEventType = ReintegrationEvent['type'];
