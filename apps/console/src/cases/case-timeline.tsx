import { useTranslation } from 'react-i18next';
import type { CaseTimelineEntry } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { CaseStatusBadge, type CaseProtocol } from './case-status-badge';
import { timelineDetailWords } from './timeline-detail';

/** A return's or reintegration's history at both ends, oldest first. */
export function CaseTimeline({ entries, protocol }: { entries: readonly CaseTimelineEntry[]; protocol: CaseProtocol }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${entry.event}-${index}`} className={`side-${entry.side}`} data-event={entry.event}>
          <DateTime value={entry.at} />
          <span className="event">{t(`caseEvent.${entry.event}`, { defaultValue: entry.event })}</span>
          <span className="side">{t(`referral.side.${entry.side}`)}</span>
          <CaseStatusBadge protocol={protocol} status={entry.status} />
          {entry.detail ? <blockquote>{timelineDetailWords(entry.detail, t)}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
