/** A case or an intake shared with another agency of the node: with whom, why, by whom, when. */
export interface CaseShare {
  readonly agency: string;
  /** The supervisor's reason: free text, shown only to those who may read the case. */
  readonly reason: string;
  readonly sharedBy: string;
  readonly sharedAt: Date;
}
