import type { OutgoingCaseMessage, ProtocolName } from './case-protocol';

/** The message by which a node confirms that it erased the person's data of a case after consent was withdrawn. */
export const ERASURE_CONFIRMED_TYPE = 'consent.erasure-confirmed.v1';

export function erasureConfirmationOf(
  protocol: ProtocolName,
  caseId: string,
  country: string,
  erasedAt: Date,
): OutgoingCaseMessage {
  return { type: ERASURE_CONFIRMED_TYPE, payload: { caseId, protocol, country, erasedAt: erasedAt.toISOString() } };
}
