import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../api/node-api.types';

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
