import { useTranslation } from 'react-i18next';
import { ResponsiveContainer, Sankey, Tooltip } from 'recharts';
import { labelMargin, type CorridorMatrix } from './corridors';

interface NodeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: { name?: string; value?: number };
}

/** A country's bar in the diagram, named, with its volume. */
function CountryNode({ x = 0, y = 0, width = 0, height = 0, payload }: NodeProps) {
  const left = payload?.name?.endsWith('→') ?? false;
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill="#1f5f8b" />
      <text
        x={left ? x - 6 : x + width + 6}
        y={y + height / 2}
        textAnchor={left ? 'end' : 'start'}
        dominantBaseline="middle"
        fontSize={13}
        fill="#1d2733"
      >
        {payload?.name} ({payload?.value ?? 0})
      </text>
    </g>
  );
}

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
  const totals = new Map<number, number>();
  for (const link of links) {
    totals.set(link.source, (totals.get(link.source) ?? 0) + link.value);
    totals.set(link.target, (totals.get(link.target) ?? 0) + link.value);
  }
  const labels = (side: 'left' | 'right') =>
    nodes
      .map((node, index) => ({ node, index }))
      .filter(({ index }) => (side === 'left' ? index < senders.length : index >= senders.length))
      .map(({ node, index }) => `${node.name} (${totals.get(index) ?? 0})`);
  return (
    <figure className="chart" aria-label={t('secretariat.corridorFlow')}>
      <figcaption>{t('secretariat.corridorFlow')}</figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(180, 40 * Math.max(senders.length, receivers.length))}>
          <Sankey
            data={{ nodes, links }}
            nodePadding={24}
            margin={{ left: labelMargin(labels('left')), right: labelMargin(labels('right')), top: 10, bottom: 10 }}
            node={<CountryNode />}
            link={{ stroke: '#5b8db8' }}
          >
            <Tooltip />
          </Sankey>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
