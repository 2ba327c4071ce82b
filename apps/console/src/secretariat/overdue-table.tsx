import { useTranslation } from 'react-i18next';
import type { OverdueAnswer } from '../api/monitor-api.types';
import { DateTime } from '../components/date-time';

/** Answers the nodes announced as overdue: pseudonymous case ids and countries only. */
export function OverdueTable({ items }: { items: readonly OverdueAnswer[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="empty">{t('secretariat.overdueEmpty')}</p>;
  return (
    <table className="table" data-testid="overdue">
      <thead>
        <tr>
          <th scope="col">{t('secretariat.columns.case')}</th>
          <th scope="col">{t('secretariat.columns.from')}</th>
          <th scope="col">{t('secretariat.columns.to')}</th>
          <th scope="col">{t('secretariat.columns.status')}</th>
          <th scope="col">{t('secretariat.columns.due')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              <code title={item.caseRef}>{item.caseRef.slice(0, 8)}</code> {item.protocol}
            </td>
            <td>{item.country}</td>
            <td>{item.counterpart}</td>
            <td>{item.step}</td>
            <td>
              <DateTime value={item.dueAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
