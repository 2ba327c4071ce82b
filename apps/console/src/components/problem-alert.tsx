import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/api-problem';
import { useSession } from '../session/session-context';
import { useFieldMessage } from './use-field-message';

const KNOWN = ['400', '401', '403', '404', '409', '410', '413', '415', '422', '502'] as const;

/** An API's problem in words the user can act on: what went wrong, the server's detail and the fields to fix. */
export function ProblemAlert({ error, fieldLabel }: { error: unknown; fieldLabel?: (field: string) => string }) {
  const { t, i18n } = useTranslation();
  const fieldMessage = useFieldMessage();
  const { session, signOut } = useSession();
  const refusedToken = error instanceof ApiProblem && error.status === 401 && session !== undefined;
  useEffect(() => {
    // The API no longer takes this session's token (expired, or signed by a key it no longer trusts): staying on the
    // page "signed in" would only fail again. Back to the sign-in page, which says why.
    if (refusedToken) signOut('refused');
  }, [refusedToken, signOut]);
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : new ApiProblem(0, (error as Error).message ?? 'Error');
  const status = String(problem.status);
  // The server writes its titles and details in English: other languages say the problem by its code, or its
  // status, and keep the server's words folded away for whoever needs them.
  const english = i18n.language.startsWith('en');
  const codeKey = `errors.codes.${problem.code ?? ''}`;
  const summary =
    problem.status === 0
      ? t('errors.network')
      : problem.code && i18n.exists(codeKey)
        ? t(codeKey as 'errors.codes.CONTRACT_VIOLATION')
        : (KNOWN as readonly string[]).includes(status)
          ? t(`errors.status.${status as (typeof KNOWN)[number]}`)
          : t('errors.status.other');
  const statusLine = english ? `(${problem.status} ${problem.title})` : `(${problem.status})`;
  return (
    <div className="problem" role="alert" data-status={problem.status} data-code={problem.code}>
      <p className="problem-title">
        <strong>{t('errors.title')}</strong> {problem.status > 0 ? statusLine : null}
      </p>
      <p>{summary}</p>
      {problem.detail && english ? <p className="problem-detail">{problem.detail}</p> : null}
      {problem.detail && !english ? (
        <details className="problem-detail">
          <summary>{t('errors.serverDetail')}</summary>
          <p lang="en">{problem.detail}</p>
        </details>
      ) : null}
      {problem.errors.length > 0 ? (
        <>
          <p>{t('errors.fields')}</p>
          <ul>
            {problem.errors.map((fieldError) => (
              <li key={`${fieldError.field}:${fieldError.message}`}>
                <code>{fieldLabel ? fieldLabel(fieldError.field) : fieldError.field}</code>:{' '}
                {fieldMessage(fieldError.message)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
