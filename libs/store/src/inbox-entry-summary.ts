/**
 * What a supervisor or an operator sees of an inbox entry that is set aside or waits for the message it follows:
 * the envelope's header facts and the reason, never the payload (it stays sealed with its case's key).
 */
export interface InboxEntrySummary {
  envelopeId: string;
  type: string;
  from: string;
  caseId: string;
  receivedAt: Date;
  /** Attempts to apply it so far (failed, or put off because it came before its turn). */
  attempts: number;
  /** Set aside: why (a code and a detail that name no person) and since when. */
  setAside?: { code: string; detail: string; at: Date };
  /** Waiting for the message it follows: when it is looked at again on its own (sooner when its case moves). */
  waitingUntil?: Date;
  /** When it was applied (its payload then goes). */
  appliedAt?: Date;
  /** Times it was applied again after being set aside. */
  reapplied: number;
  /** False when the payload is gone (its case was erased): applied again, it is worked from its header alone. */
  payloadKept: boolean;
}

/** How many entries wait to be applied, how many of them wait for the message they follow, how many are set aside. */
export interface InboxCounts {
  unapplied: number;
  waiting: number;
  setAside: number;
}
