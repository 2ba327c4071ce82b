import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeApiClient } from '../api/node-api.client';
import { ProblemAlert } from '../components/problem-alert';
import { useFileExport } from '../components/use-file-export';
import type { Session } from '../session/session';
import { EVERY_CASE, htcdsExportQuery, periodIsBackwards, type HtcdsExportForm } from './htcds-export-query';

const PROTOCOLS = ['referral', 'return', 'reintegration', 'intake'] as const;
const DIRECTIONS = ['outgoing', 'incoming'] as const;

/**
 * The node's cases (and intakes) as an HTCDS CSV file, narrowed by protocol, direction and period: the node streams
 * it and records the export in its audit log; the console saves it under the name the node gives.
 */
export function HtcdsExportPanel({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [form, setForm] = useState<HtcdsExportForm>(EVERY_CASE);
  const htcds = useFileExport(() =>
    new NodeApiClient(session.country, session.token).exportHtcds(htcdsExportQuery(form)),
  );
  const backwards = periodIsBackwards(form);

  function download(event: FormEvent): void {
    event.preventDefault();
    if (!backwards) void htcds.start();
  }

  return (
    <section aria-labelledby={titleId} className="work-section" data-testid="htcds-export">
      <h2 id={titleId}>{t('export.title')}</h2>
      <p className="hint">{t('export.hint')}</p>
      <form className="controls" onSubmit={download} aria-labelledby={titleId}>
        <label>
          {t('export.protocol')}{' '}
          <select
            name="protocol"
            value={form.protocol}
            onChange={(event) => setForm({ ...form, protocol: event.target.value as HtcdsExportForm['protocol'] })}
          >
            <option value="">{t('export.allProtocols')}</option>
            {PROTOCOLS.map((protocol) => (
              <option key={protocol} value={protocol}>
                {t(`export.protocols.${protocol}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.direction')}{' '}
          <select
            name="direction"
            value={form.direction}
            onChange={(event) => setForm({ ...form, direction: event.target.value as HtcdsExportForm['direction'] })}
          >
            <option value="">{t('export.bothDirections')}</option>
            {DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {t(`export.directions.${direction}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.from')}{' '}
          <input
            type="date"
            name="from"
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.target.value })}
          />
        </label>
        <label>
          {t('export.to')}{' '}
          <input
            type="date"
            name="to"
            value={form.to}
            onChange={(event) => setForm({ ...form, to: event.target.value })}
          />
        </label>
        <button type="submit" disabled={htcds.busy || backwards} aria-busy={htcds.busy}>
          {htcds.busy ? t('export.downloading') : t('export.download')}
        </button>
      </form>
      {backwards ? (
        <p className="error" role="alert">
          {t('export.backwards')}
        </p>
      ) : null}
      {form.direction ? <p className="hint">{t('export.noIntakesWithDirection')}</p> : null}
      <ProblemAlert error={htcds.error} />
      {htcds.saved ? (
        <p role="status" data-testid="htcds-export-saved">
          {t('export.saved', { fileName: htcds.saved })}
        </p>
      ) : null}
    </section>
  );
}
