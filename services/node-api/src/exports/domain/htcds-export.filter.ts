import type { ExportedProtocol } from './exported-case';

/** Which rows an HTCDS export holds: one protocol (or the intakes), one direction, cases created in a period. */
export interface HtcdsExportFilter {
  readonly protocol?: ExportedProtocol;
  readonly direction?: 'outgoing' | 'incoming';
  /** Created at this node at or after this instant. */
  readonly createdFrom?: Date;
  /** Created at this node before this instant. */
  readonly createdTo?: Date;
}

/** Whether the export takes rows of `protocol` at all under `filter` (intakes have no direction). */
export function exportsProtocol(filter: HtcdsExportFilter, protocol: ExportedProtocol): boolean {
  if (filter.protocol !== undefined && filter.protocol !== protocol) return false;
  return !(protocol === 'intake' && filter.direction !== undefined);
}
