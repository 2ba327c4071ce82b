import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorApiClient } from '../api/monitor-api.client';
import type { RegionalStatisticsRow } from '../api/monitor-api.types';
import { saveFile } from '../api/saved-file';
import { ProblemAlert } from '../components/problem-alert';
import { usePolling } from '../components/use-polling';
import { statisticsCategoryLabel } from './statistics-category';
import { StatisticsChart } from './statistics-chart';

/**
 * The nodes' regional statistics, as each node published them: counts per month, protocol and corridor with their
 * breakdowns, charted and tabled. A count below the threshold shows as the node sent it ("<11"); a count hidden so
 * that a total does not give a small one away shows as withheld. Nothing is added up across nodes.
 */
export function RegionalStatistics({ client }: { client: MonitorApiClient }) {
  const { t, i18n } = useTranslation();
  const load = useCallback((signal: AbortSignal) => client.regionalStatistics(signal), [client]);
  const { data, error } = usePolling(load, 10_000);
  const [downloadError, setDownloadError] = useState<unknown>();

  const download = useCallback(async () => {
    setDownloadError(undefined);
    try {
      saveFile({ file: await client.regionalStatisticsCsv(), fileName: 'enlace-regional-statistics.csv' });
    } catch (reason) {
      setDownloadError(reason);
    }
  }, [client]);

  return (
    <div data-testid="regional-statistics">
      <p className="hint">{t('regionalStatistics.hint')}</p>
      <ProblemAlert error={error ?? downloadError} />
      <button type="button" onClick={download}>
        {t('regionalStatistics.downloadCsv')}
      </button>
      {data && data.items.length === 0 ? <p className="empty">{t('regionalStatistics.empty')}</p> : null}
      {data && data.items.length > 0 ? <StatisticsChart rows={data.items} /> : null}
      {data && data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('regionalStatistics.columns.reportedBy')}</th>
              <th scope="col">{t('regionalStatistics.columns.month')}</th>
              <th scope="col">{t('regionalStatistics.columns.protocol')}</th>
              <th scope="col">{t('regionalStatistics.columns.corridor')}</th>
              <th scope="col">{t('regionalStatistics.columns.dimension')}</th>
              <th scope="col">{t('regionalStatistics.columns.category')}</th>
              <th scope="col">{t('regionalStatistics.columns.count')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((row) => (
              <tr key={rowKey(row)}>
                <td>{row.reportedBy}</td>
                <td>{row.month}</td>
                <td>{t(`regionalStatistics.protocols.${row.protocol}`)}</td>
                <td>
                  {row.fromCountry} → {row.toCountry}
                </td>
                <td>{t(`regionalStatistics.dimensions.${row.dimension}`)}</td>
                <td>{statisticsCategoryLabel(row.dimension, row.category, t, i18n.resolvedLanguage ?? 'en')}</td>
                <td data-suppressed={typeof row.count === 'string' ? 'true' : undefined}>
                  {row.count === 'withheld' ? t('regionalStatistics.withheld') : row.count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function rowKey(row: RegionalStatisticsRow): string {
  return [row.reportedBy, row.month, row.protocol, row.fromCountry, row.toCountry, row.dimension, row.category].join(
    '|',
  );
}
