import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FlowReport } from '../api/monitor-api.types';
import { volumeSeries } from './corridors';

const COLOURS = ['#1f5f8b', '#d1603d', '#3f8f4f', '#8c5fb0', '#c49a1a', '#7a7a7a'];

export function VolumeChart({ report, formatTime }: { report: FlowReport; formatTime: (iso: string) => string }) {
  const { t } = useTranslation();
  const { keys, points } = volumeSeries(report);
  return (
    <figure className="chart" aria-label={t('secretariat.volume')}>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <AreaChart data={points} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="start" tickFormatter={formatTime} minTickGap={24} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(label) => formatTime(String(label))} />
            <Legend />
            {keys.map((key, index) => (
              <Area
                key={key}
                type="monotone"
                dataKey={key}
                stackId="volume"
                stroke={COLOURS[index % COLOURS.length]}
                fill={COLOURS[index % COLOURS.length]}
                fillOpacity={0.35}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
