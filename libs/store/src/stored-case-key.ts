/** A case's data key as stored (wrapped by the node's key-encryption key; none once destroyed). */
export interface StoredCaseKey {
  readonly case_id: string;
  readonly wrapped_key: string | null;
  readonly destroyed_at: Date | null;
}
