import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CorridorDelays, DelayStats } from '../api/monitor-api.types';

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 10) / 100);

function formatStats(stats: DelayStats): string {
  if (stats.count === 0) return '—';
  return [stats.p50Ms, stats.p95Ms, stats.p99Ms].map((ms) => `${seconds(ms) ?? '—'}`).join(' / ');
}

/** Delivery and answer delays of one corridor over time, and every corridor's figures in a table. */
export function DelayChart({
  corridors,
  selected,
  formatTime,
}: {
  corridors: readonly CorridorDelays[];
  selected: CorridorDelays | undefined;
  formatTime: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const points = (selected?.buckets ?? []).map((bucket) => ({
    start: bucket.start,
    deliveryP50: seconds(bucket.delivery.p50Ms),
    deliveryP95: seconds(bucket.delivery.p95Ms),
    answerP50: seconds(bucket.answer.p50Ms),
  }));
  return (
    <>
      {selected ? (
        <figure className="chart" aria-label={`${t('secretariat.delay')} ${selected.from}→${selected.to}`}>
          <figcaption>
            {t('secretariat.delay')} — {selected.from}→{selected.to} ({t('secretariat.seconds')})
          </figcaption>
          <div aria-hidden="true">
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={points} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="start" tickFormatter={formatTime} minTickGap={24} />
                <YAxis />
                <Tooltip labelFormatter={(label) => formatTime(String(label))} />
                <Legend />
                <Line
                  type="monotone"
                  dataKey="deliveryP50"
                  name={`${t('secretariat.deliveryDelay')} (${t('secretariat.median')})`}
                  stroke="#1f5f8b"
                  connectNulls
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="deliveryP95"
                  name={`${t('secretariat.deliveryDelay')} (${t('secretariat.p95')})`}
                  stroke="#8c5fb0"
                  connectNulls
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="answerP50"
                  name={`${t('secretariat.answerDelay')} (${t('secretariat.median')})`}
                  stroke="#d1603d"
                  connectNulls
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
      ) : null}
      <table className="table" data-testid="delays">
        <caption>
          {t('secretariat.delay')} ({t('secretariat.median')} / {t('secretariat.p95')} / {t('secretariat.p99')},{' '}
          {t('secretariat.seconds')})
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('secretariat.columns.from')}</th>
            <th scope="col">{t('secretariat.columns.to')}</th>
            <th scope="col">{t('secretariat.deliveryDelay')}</th>
            <th scope="col">{t('secretariat.answerDelay')}</th>
          </tr>
        </thead>
        <tbody>
          {corridors.map((corridor) => (
            <tr key={`${corridor.from}-${corridor.to}`}>
              <td>{corridor.from}</td>
              <td>{corridor.to}</td>
              <td>{formatStats(corridor.delivery)}</td>
              <td>{formatStats(corridor.answer)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
