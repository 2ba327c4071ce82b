import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { StatusBadge } from '../components/status-badge';

/** The referral's history at both ends, oldest first. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${entry.event}-${index}`} className={`side-${entry.side}`}>
          <DateTime value={entry.at} />
          <span className="event">{t(`event.${entry.event}`, { defaultValue: entry.event })}</span>
          <span className="side">{t(`referral.side.${entry.side}`)}</span>
          <StatusBadge status={entry.status} />
          {entry.detail ? <blockquote>{entry.detail}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
