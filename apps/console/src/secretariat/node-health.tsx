import { useTranslation } from 'react-i18next';
import type { NodeHealth } from '../api/monitor-api.types';
import { DateTime } from '../components/date-time';

export function NodeHealthTable({ items }: { items: readonly NodeHealth[] }) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid="node-health">
      <thead>
        <tr>
          <th scope="col">{t('secretariat.columns.country')}</th>
          <th scope="col">{t('secretariat.columns.status')}</th>
          <th scope="col">{t('secretariat.lastHeartbeat')}</th>
          <th scope="col">{t('secretariat.lag')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((node) => (
          <tr key={node.country} data-node={node.country} data-health={node.status}>
            <td>{node.country}</td>
            <td>
              <span className={`badge health-${node.status}`}>{t(`secretariat.health.${node.status}`)}</span>
            </td>
            <td>
              <DateTime value={node.lastHeartbeatAt ?? undefined} />
            </td>
            <td>{node.inboxLag ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
