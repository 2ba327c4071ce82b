import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RegionalStatisticsRow } from '../api/monitor-api.types';
import { statisticsBars, type StatisticsDimension, type StatisticsProtocol } from './statistics-bars';
import { statisticsCategoryLabel } from './statistics-category';

const COLOURS = ['#1f5f8b', '#d1603d', '#3f8f4f', '#8c5fb0', '#c49a1a', '#7a7a7a', '#2a9d8f', '#b5485d'];
const PROTOCOLS: readonly StatisticsProtocol[] = ['referral', 'return', 'reintegration'];
const DIMENSIONS: readonly StatisticsDimension[] = ['total', 'sex', 'ageBand', 'nationality', 'exploitation'];

/**
 * The regional statistics as stacked bars: persons of one protocol per month and corridor, by one dimension. Only
 * numbers a node published are drawn; its suppressed cells are listed under the chart as it published them.
 */
export function StatisticsChart({ rows }: { rows: readonly RegionalStatisticsRow[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const ids = { protocol: useId(), dimension: useId() };
  const [protocol, setProtocol] = useState<StatisticsProtocol>('referral');
  const [dimension, setDimension] = useState<StatisticsDimension>('sex');
  const { categories, bars, suppressed } = useMemo(
    () => statisticsBars(rows, protocol, dimension),
    [rows, protocol, dimension],
  );
  const monthName = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
  }, [language]);
  const label = (category: string) => statisticsCategoryLabel(dimension, category, t, language);
  const points = bars.map((bar) => ({ name: `${monthName(bar.month)} · ${bar.corridor}`, ...bar.counts }));
  const caption = t('regionalStatistics.chart.caption', {
    protocol: t(`regionalStatistics.protocols.${protocol}`),
    dimension: t(`regionalStatistics.dimensions.${dimension}`).toLocaleLowerCase(language),
  });

  return (
    <div data-testid="statistics-chart">
      <h3>{t('regionalStatistics.chart.title')}</h3>
      <div className="controls">
        <label htmlFor={ids.protocol}>{t('regionalStatistics.chart.protocol')}</label>
        <select
          id={ids.protocol}
          value={protocol}
          onChange={(event) => setProtocol(event.target.value as StatisticsProtocol)}
        >
          {PROTOCOLS.map((value) => (
            <option key={value} value={value}>
              {t(`regionalStatistics.protocols.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.dimension}>{t('regionalStatistics.chart.dimension')}</label>
        <select
          id={ids.dimension}
          value={dimension}
          onChange={(event) => setDimension(event.target.value as StatisticsDimension)}
        >
          {DIMENSIONS.map((value) => (
            <option key={value} value={value}>
              {t(`regionalStatistics.dimensions.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {bars.length === 0 ? (
        <p className="empty">{t('regionalStatistics.chart.noBars')}</p>
      ) : categories.length === 0 ? (
        <p className="empty">{t('regionalStatistics.chart.allSuppressed')}</p>
      ) : (
        <figure className="chart" aria-label={caption}>
          <figcaption>{caption}</figcaption>
          <div aria-hidden="true">
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={points} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
                <YAxis
                  allowDecimals={false}
                  label={{ value: t('regionalStatistics.chart.persons'), angle: -90, position: 'insideLeft' }}
                />
                <Tooltip />
                <Legend />
                {categories.map((category, index) => (
                  <Bar
                    key={category}
                    dataKey={category}
                    name={label(category)}
                    stackId="persons"
                    fill={COLOURS[index % COLOURS.length]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      )}
      {suppressed.length > 0 ? (
        <details data-testid="statistics-suppressed">
          <summary>
            {t('regionalStatistics.chart.suppressedTitle')} ({suppressed.length})
          </summary>
          <p className="hint">{t('regionalStatistics.chart.suppressedHint')}</p>
          <ul>
            {suppressed.map((cell) => (
              <li key={`${cell.month}|${cell.corridor}|${cell.category}`}>
                {monthName(cell.month)} · {cell.corridor} · {label(cell.category)}:{' '}
                {cell.count === 'withheld' ? t('regionalStatistics.withheld') : cell.count} (
                {t('regionalStatistics.chart.reportedBy', { country: cell.reportedBy })})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
