import type { CaseLinks } from './case-protocol';

/** Where a new case comes from, when it does not start from nothing: its id chosen beforehand, what it links to. */
export interface CaseOrigin {
  /** The id the caller chose, so that the record it comes from can name the case in the same transaction. */
  readonly id?: string;
  readonly links?: CaseLinks;
  /** The agency that owns the record it comes from (an intake's), which then owns the case too. */
  readonly agency?: string;
}
