import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeApiClient } from '../api/node-api.client';
import type { CaseDirection, ReferralSummary, ReintegrationSummary, ReturnSummary } from '../api/node-api.types';
import { CaseTable } from '../cases/case-table';
import { ProblemAlert } from '../components/problem-alert';
import { ReferralTable } from '../referrals/referral-table';
import type { Session } from '../session/session';
import { usePagedList, type ListPage } from './use-paged-list';
import { workListQuery, type WorkFilters, type WorkProtocol } from './work-filters';

type Summary = ReferralSummary | ReturnSummary | ReintegrationSummary;

/** How often the page shown is read again, so that the other side's steps appear without a reload. */
const REFRESH_MS = 5000;

/** One list of the work page (a protocol, a direction): a page at a time, refreshed, with its pager. */
export function WorkList({
  session,
  protocol,
  direction,
  filters,
  caption,
  testId,
}: {
  session: Extract<Session, { kind: 'node' }>;
  protocol: WorkProtocol;
  direction: CaseDirection;
  filters: WorkFilters;
  caption: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const load = useCallback(
    (cursor: string | undefined, signal: AbortSignal): Promise<ListPage<Summary>> => {
      const client = new NodeApiClient(session.country, session.token);
      const query = workListQuery(protocol, direction, filters, cursor);
      if (protocol === 'referral') return client.listReferrals(query, signal);
      if (protocol === 'return') return client.listReturns(query, signal);
      return client.listReintegrations(query, signal);
    },
    [session, protocol, direction, filters],
  );
  const list = usePagedList(load, REFRESH_MS);
  const items = list.page?.items ?? [];
  return (
    <div data-testid={testId} className="work-list">
      <ProblemAlert error={list.error} />
      {list.loading && !list.page ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {list.page ? (
        protocol === 'referral' ? (
          <ReferralTable referrals={items as ReferralSummary[]} caption={caption} stage={filters.stage} />
        ) : (
          <CaseTable
            protocol={protocol}
            items={items as (ReturnSummary | ReintegrationSummary)[]}
            caption={caption}
            stage={filters.stage}
          />
        )
      ) : null}
      {list.hasPrevious || list.hasNext ? (
        <nav className="pager" aria-label={t('work.pager.label', { caption })}>
          <button type="button" data-page="previous" disabled={!list.hasPrevious} onClick={list.previous}>
            {t('work.pager.previous')}
          </button>
          <span data-testid="page-number">{t('work.pager.page', { number: list.number })}</span>
          <button type="button" data-page="next" disabled={!list.hasNext} onClick={list.next}>
            {t('work.pager.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
