/**
 * A produce that the client reported done although some of its partitions got no answer: kafkajs, when a partition's
 * leader moves during its retries to a broker that had already answered, skips that broker and drops the moved
 * partition's records without an error. Transient (isTransientBrokerFailure): the whole batch is produced again (same
 * envelope ids; the receiver keeps one of each).
 */
export class DroppedRecordsError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`the broker client reported a produce done with no answer for ${missing.join(', ')}: produced again`);
    this.name = 'DroppedRecordsError';
  }
}
