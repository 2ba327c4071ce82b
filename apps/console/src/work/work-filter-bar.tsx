import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { URGENCIES } from '../api/node-api.types';
import { NO_FILTERS, type WorkFilters } from './work-filters';

/**
 * The filters of the work page, one set for all its lists: open or ended cases (never mixed), a search by case id
 * or the person's name (run by the node, over its own cases only), the other country, the owning agency (on a node
 * of several agencies), the urgency, overdue only.
 */
export function WorkFilterBar({
  value,
  onChange,
  countries,
  agencies,
}: {
  value: WorkFilters;
  onChange: (filters: WorkFilters) => void;
  /** The other countries of the network. */
  countries: readonly string[];
  /** The node's agencies; the agency filter is offered only where there are several. */
  agencies: readonly string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value.search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...value, search });
  };
  return (
    <div className="work-filters">
      <div className="stage-tabs" role="group" aria-label={t('work.stage.label')}>
        {(['open', 'ended'] as const).map((stage) => (
          <button
            key={stage}
            type="button"
            aria-pressed={value.stage === stage}
            data-stage={stage}
            onClick={() => onChange({ ...value, stage })}
          >
            {t(`work.stage.${stage}`)}
          </button>
        ))}
      </div>
      <form role="search" className="controls" onSubmit={submit} aria-label={t('work.filters.title')}>
        <label>
          {t('work.filters.search')}{' '}
          <input
            type="search"
            name="q"
            value={search}
            maxLength={120}
            placeholder={t('work.filters.searchHint')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <button type="submit">{t('work.filters.apply')}</button>
        <label>
          {t('work.filters.counterpart')}{' '}
          <select
            name="counterpart"
            value={value.counterpart}
            onChange={(event) => onChange({ ...value, counterpart: event.target.value })}
          >
            <option value="">{t('work.filters.anyCountry')}</option>
            {countries.map((country) => (
              <option key={country} value={country}>
                {country}
              </option>
            ))}
          </select>
        </label>
        {agencies.length > 1 ? (
          <label>
            {t('work.filters.agency')}{' '}
            <select
              name="agency"
              value={value.agency}
              onChange={(event) => onChange({ ...value, agency: event.target.value })}
            >
              <option value="">{t('work.filters.anyAgency')}</option>
              {agencies.map((agency) => (
                <option key={agency} value={agency}>
                  {agency}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('work.filters.urgency')}{' '}
          <select
            name="urgency"
            value={value.urgency}
            onChange={(event) => onChange({ ...value, urgency: event.target.value as WorkFilters['urgency'] })}
          >
            <option value="">{t('work.filters.anyUrgency')}</option>
            {URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {t(`urgency.${urgency}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            name="overdue"
            checked={value.overdueOnly}
            disabled={value.stage === 'ended'}
            onChange={(event) => onChange({ ...value, overdueOnly: event.target.checked })}
          />{' '}
          {t('work.filters.overdueOnly')}
        </label>
        <button
          type="button"
          onClick={() => {
            setSearch('');
            onChange({ ...NO_FILTERS, stage: value.stage });
          }}
        >
          {t('work.filters.clear')}
        </button>
      </form>
    </div>
  );
}
