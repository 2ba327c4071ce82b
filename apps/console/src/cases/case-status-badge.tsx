import { useTranslation } from 'react-i18next';
import type { ReintegrationStatus, ReturnStatus } from '../api/node-api.types';

export type CaseProtocol = 'return' | 'reintegration';

/** The status of a return or a reintegration, in the reader's language. */
export function CaseStatusBadge({ protocol, status }: { protocol: CaseProtocol; status: string }) {
  const { t } = useTranslation();
  const text =
    protocol === 'return'
      ? t(`returnStatus.${status as ReturnStatus}`, { defaultValue: status })
      : t(`reintegrationStatus.${status as ReintegrationStatus}`, { defaultValue: status });
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {text}
    </span>
  );
}
