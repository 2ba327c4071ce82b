import { useTranslation } from 'react-i18next';
import { ResponsiveContainer, Sankey, Tooltip } from 'recharts';
import type { CorridorMatrix } from './corridors';

/** A flow diagram: sending countries on the left, receiving countries on the right, bands as wide as the flow. */
export function CorridorFlowDiagram({ matrix }: { matrix: CorridorMatrix }) {
  const { t } = useTranslation();
  const senders = matrix.countries.filter((from) => matrix.countries.some((to) => (matrix.count[from]?.[to] ?? 0) > 0));
  const receivers = matrix.countries.filter((to) =>
    matrix.countries.some((from) => (matrix.count[from]?.[to] ?? 0) > 0),
  );
  if (senders.length === 0) return null;
  const nodes = [...senders.map((c) => ({ name: `${c} →` })), ...receivers.map((c) => ({ name: `→ ${c}` }))];
  const links = senders.flatMap((from, source) =>
    receivers
      .map((to, index) => ({ source, target: senders.length + index, value: matrix.count[from]?.[to] ?? 0 }))
      .filter((link) => link.value > 0),
  );
  return (
    <figure className="chart" aria-label={t('secretariat.corridorFlow')}>
      <figcaption>{t('secretariat.corridorFlow')}</figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(180, 40 * Math.max(senders.length, receivers.length))}>
          <Sankey
            data={{ nodes, links }}
            nodePadding={24}
            margin={{ left: 10, right: 60, top: 10, bottom: 10 }}
            link={{ stroke: '#5b8db8' }}
          >
            <Tooltip />
          </Sankey>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
