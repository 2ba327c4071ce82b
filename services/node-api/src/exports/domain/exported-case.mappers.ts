import {
  isReturnTerminal,
  isTerminal as isReferralTerminal,
  reintegrationHtcdsCaseStatus,
  type ReferralState,
  type ReintegrationState,
  type ReturnState,
} from '@enlace/protocols';
import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import type { ReferralDetails } from '../../referrals/domain/referral-details';
import type { ExportedCase } from './exported-case';

export function exportedReferral(document: ProtocolCaseDocument<ReferralState, ReferralDetails>): ExportedCase {
  const { state } = document;
  return {
    protocol: 'referral',
    id: document._id,
    direction: document.direction,
    fromCountry: state.fromCountry,
    toCountry: state.toCountry,
    status: state.status,
    htcdsStatus: isReferralTerminal(state.status) ? 'Closed' : 'Active',
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    ...(document.person ? { person: document.person } : {}),
    ...(document.consent ? { consent: document.consent } : {}),
    ...optional('referralReason', document.details?.reason),
    ...optional('referralDetails', document.details?.reasonDetails),
    ...optional('closureReason', state.outcome?.reason ?? state.declineReason ?? state.withdrawalReason),
  };
}

export function exportedReturn(document: ProtocolCaseDocument<ReturnState>): ExportedCase {
  const { state } = document;
  return {
    ...protocolCaseBase('return', document),
    // Handed over to reintegration: HTCDS's "closed because referred on".
    htcdsStatus:
      state.status === 'handed-over' ? 'ClosedReferred' : isReturnTerminal(state.status) ? 'Closed' : 'Active',
    ...optional('closureReason', state.cancellationReason),
  };
}

export function exportedReintegration(document: ProtocolCaseDocument<ReintegrationState>): ExportedCase {
  const { state } = document;
  return {
    ...protocolCaseBase('reintegration', document),
    htcdsStatus: reintegrationHtcdsCaseStatus(state.status),
    ...optional('closureReason', state.closure?.reason ?? state.reReferral?.reason),
  };
}

function protocolCaseBase<S extends { fromCountry: string; toCountry: string; status: string }>(
  protocol: 'return' | 'reintegration',
  document: ProtocolCaseDocument<S>,
) {
  return {
    protocol,
    id: document._id,
    direction: document.direction,
    fromCountry: document.state.fromCountry,
    toCountry: document.state.toCountry,
    status: document.state.status,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    ...(document.person ? { person: document.person } : {}),
    ...(document.consent ? { consent: document.consent } : {}),
    ...optional('erasedAt', document.erasure?.erasedAt),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
