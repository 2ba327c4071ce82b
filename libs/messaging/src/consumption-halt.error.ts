/**
 * Thrown by an inbox handler when a record fails by the node's own fault — its database away, its own keys or its
 * key-encryption key unusable — and not by anything the sender did: the record must neither be dead-lettered (the
 * sender is not wrong) nor committed. The consumer pauses the record's partition, leaves the record uncommitted and
 * takes it again after a while, as often as it takes, so that it is taken once the fault is fixed.
 */
export class ConsumptionHalt extends Error {
  override readonly name = 'ConsumptionHalt';

  /** `reason` names the fault for the operator's log; never a key, never a payload. */
  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`consumption halted: ${reason}`, options);
  }
}
