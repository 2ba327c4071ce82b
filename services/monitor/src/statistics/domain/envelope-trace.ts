import { EnvelopeFacts } from './envelope-facts';

/** What the monitor keeps of an envelope id: whether the envelope was counted, its facts, its first receipt. */
export interface EnvelopeTrace {
  readonly id: string;
  readonly counted: boolean;
  /** The facts of the envelope, once counted. */
  readonly envelope?: Omit<EnvelopeFacts, 'correlationId' | 'causationId' | 'caseId'>;
  /** sentAt of the first receipt that named this envelope. */
  readonly receiptSentAt?: Date;
}

export const unseenTrace = (id: string): EnvelopeTrace => ({ id, counted: false });

export type Admission =
  | { readonly firstSeen: false }
  | { readonly firstSeen: true; readonly receiptSentAt?: Date; readonly trace: EnvelopeTrace };

/** Counts an envelope once: the first time, with the receipt that came before it, if any. */
export function admitEnvelope(trace: EnvelopeTrace, envelope: EnvelopeFacts): Admission {
  if (trace.counted) return { firstSeen: false };
  const { id, type, from, to, sentAt } = envelope;
  const next: EnvelopeTrace = { ...trace, counted: true, envelope: { id, type, from, to, sentAt } };
  return trace.receiptSentAt
    ? { firstSeen: true, receiptSentAt: trace.receiptSentAt, trace: next }
    : { firstSeen: true, trace: next };
}

/**
 * Records the first receipt of an envelope. `delivered` is the envelope when it was already counted (its delivery
 * delay can be measured now); absent when it was not (it is measured when the envelope is admitted) or when a receipt
 * had already been recorded (a duplicate receipt measures nothing, and changes nothing).
 */
export function recordReceipt(
  trace: EnvelopeTrace,
  receiptSentAt: Date,
): { readonly trace: EnvelopeTrace; readonly delivered?: EnvelopeFacts } {
  if (trace.receiptSentAt) return { trace };
  const next: EnvelopeTrace = { ...trace, receiptSentAt };
  return trace.counted && trace.envelope
    ? { trace: next, delivered: { ...trace.envelope, correlationId: '' } }
    : { trace: next };
}
