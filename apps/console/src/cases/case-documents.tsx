import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeApiClient } from '../api/node-api.client';
import { DOCUMENT_KINDS, type CaseDocument, type DocumentKind } from '../api/node-api.types';
import { saveFile } from '../api/saved-file';
import { ProblemAlert } from '../components/problem-alert';
import { usePolling } from '../components/use-polling';
import { documentSizeLimit } from './document-size-limit';

const EXTENSIONS: Record<CaseDocument['mediaType'], string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/**
 * The documents of a case: attached here (with how many of their parts the other country received) or received from
 * it; a form to attach one and send it; each downloadable once whole. The node checks the type from the content and
 * the size (its limit, served with the list, is shown on the form); what it refuses is shown as its problem.
 */
export function CaseDocuments({
  caseId,
  country,
  token,
  canAttach,
}: {
  caseId: string;
  country: string;
  token: string;
  canAttach: boolean;
}) {
  const { t, i18n } = useTranslation();
  // One client while the page shows the case: a new one each render would start the list's polling again.
  const client = useMemo(() => new NodeApiClient(country, token), [country, token]);
  const load = useCallback((signal: AbortSignal) => client.listDocuments(caseId, signal), [client, caseId]);
  const { data, error, reload } = usePolling(load, 3000);
  const [kind, setKind] = useState<DocumentKind>('identity-document');
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const [done, setDone] = useState(false);

  const attach = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    setDone(false);
    try {
      await client.attachDocument(caseId, kind, file);
      setDone(true);
      setFile(undefined);
      (event.target as HTMLFormElement).reset();
      reload();
    } catch (caught) {
      setProblem(caught);
    } finally {
      setBusy(false);
    }
  };

  const download = async (document: CaseDocument) => {
    setProblem(undefined);
    try {
      const file = await client.downloadDocument(caseId, document.id);
      saveFile({ file, fileName: `${document.id}.${EXTENSIONS[document.mediaType]}` });
    } catch (caught) {
      setProblem(caught);
    }
  };

  const items = data?.items ?? [];
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      <ProblemAlert error={problem ?? error} />
      {done ? (
        <p role="status" className="notice">
          {t('documents.attached')}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="hint">{t('documents.none')}</p>
      ) : (
        <ul className="documents" data-testid="documents">
          {items.map((document) => (
            <li key={document.id} data-testid="document" data-status={document.status}>
              <strong>{t(`documents.kind.${document.kind}`)}</strong> — {t(`documents.status.${document.status}`)}{' '}
              <small>
                {t('documents.size', { kb: Math.ceil(document.size / 1024) })}
                {document.origin === 'received' ? ` · ${t('documents.from', { country: document.fromCountry })}` : ''}
                {document.transfer
                  ? ` · ${t('documents.delivered', {
                      delivered: document.transfer.delivered,
                      chunks: document.transfer.chunks,
                    })}`
                  : ''}
              </small>{' '}
              {document.status === 'stored' || document.status === 'received' ? (
                <button type="button" className="secondary" onClick={() => void download(document)}>
                  {t('documents.download')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAttach && data ? (
        <form className="action-form" onSubmit={(event) => void attach(event)} aria-label={t('documents.attach')}>
          <div className="field">
            <label htmlFor={`${caseId}-document-kind`}>{t('documents.kindLabel')}</label>
            <select
              id={`${caseId}-document-kind`}
              value={kind}
              onChange={(event) => setKind(event.target.value as DocumentKind)}
            >
              {DOCUMENT_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`documents.kind.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${caseId}-document-file`}>
              {t('documents.fileLabel', { size: documentSizeLimit(data.maxBytes, i18n.resolvedLanguage ?? 'en') })}
            </label>
            <input
              id={`${caseId}-document-file`}
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              onChange={(event) => setFile(event.target.files?.[0])}
            />
          </div>
          <button type="submit" disabled={!file || busy} aria-busy={busy}>
            {t('documents.attach')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
