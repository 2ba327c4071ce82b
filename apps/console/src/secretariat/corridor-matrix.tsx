import { useTranslation } from 'react-i18next';
import type { CorridorMatrix } from './corridors';

/** The corridors as a from × to table: the accessible, exact twin of the flow diagram. */
export function CorridorMatrixTable({ matrix }: { matrix: CorridorMatrix }) {
  const { t } = useTranslation();
  return (
    <table className="table matrix" data-testid="corridor-matrix">
      <caption>{t('secretariat.corridorMatrix')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('secretariat.fromTo')}</th>
          {matrix.countries.map((to) => (
            <th key={to} scope="col">
              {to}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.countries.map((from) => (
          <tr key={from}>
            <th scope="row">{from}</th>
            {matrix.countries.map((to) => {
              const count = matrix.count[from]?.[to] ?? 0;
              return (
                <td
                  key={to}
                  data-corridor={`${from}-${to}`}
                  data-count={count}
                  className={from === to ? 'diagonal' : count > 0 ? 'busy' : undefined}
                  aria-label={t('secretariat.corridorCount', { from, to, count })}
                >
                  {from === to ? '·' : count}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
