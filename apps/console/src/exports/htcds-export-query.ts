import type { HtcdsExportQuery } from '../api/node-api.types';

/** What the export panel asks for: '' where the focal point narrows nothing; the period as calendar days. */
export interface HtcdsExportForm {
  protocol: '' | NonNullable<HtcdsExportQuery['protocol']>;
  direction: '' | NonNullable<HtcdsExportQuery['direction']>;
  /** The first day of the period (yyyy-mm-dd), or ''. */
  from: string;
  /** The last day of the period, included (yyyy-mm-dd), or ''. */
  to: string;
}

export const EVERY_CASE: HtcdsExportForm = { protocol: '', direction: '', from: '', to: '' };

/**
 * The export's query: the period's days as instants of the focal point's own time zone, the last day whole (the node
 * takes cases created before `createdTo`); a direction leaves the intakes out, which have none.
 */
export function htcdsExportQuery(form: HtcdsExportForm): HtcdsExportQuery {
  return {
    ...(form.protocol ? { protocol: form.protocol } : {}),
    ...(form.direction ? { direction: form.direction } : {}),
    ...(form.from ? { createdFrom: startOfDay(form.from).toISOString() } : {}),
    ...(form.to ? { createdTo: nextDay(form.to).toISOString() } : {}),
  };
}

/** Whether the period ends before it starts: the panel says so instead of asking the node. */
export function periodIsBackwards(form: HtcdsExportForm): boolean {
  return form.from !== '' && form.to !== '' && form.to < form.from;
}

function startOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, date ?? 1);
}

function nextDay(day: string): Date {
  const start = startOfDay(day);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
}
