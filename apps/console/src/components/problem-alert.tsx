import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/api-problem';
import { useSession } from '../session/session-context';

const KNOWN = ['400', '401', '403', '404', '409', '410', '413', '415', '422', '502'] as const;

/** An API's problem in words the user can act on: what went wrong, the server's detail and the fields to fix. */
export function ProblemAlert({ error, fieldLabel }: { error: unknown; fieldLabel?: (field: string) => string }) {
  const { t } = useTranslation();
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
  const summary =
    problem.status === 0
      ? t('errors.network')
      : (KNOWN as readonly string[]).includes(status)
        ? t(`errors.status.${status as (typeof KNOWN)[number]}`)
        : t('errors.status.other');
  return (
    <div className="problem" role="alert" data-status={problem.status}>
      <p className="problem-title">
        <strong>{t('errors.title')}</strong> {problem.status > 0 ? `(${problem.status} ${problem.title})` : null}
      </p>
      <p>{summary}</p>
      {problem.detail ? <p className="problem-detail">{problem.detail}</p> : null}
      {problem.errors.length > 0 ? (
        <>
          <p>{t('errors.fields')}</p>
          <ul>
            {problem.errors.map((fieldError) => (
              <li key={`${fieldError.field}:${fieldError.message}`}>
                <code>{fieldLabel ? fieldLabel(fieldError.field) : fieldError.field}</code>: {fieldError.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
