import { envSetting, integer, optionalText } from './env-setting';

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;

/** The service's own PostgreSQL database. */
export const databaseSettings = {
  DATABASE_URL: envSetting<string>(
    {
      description:
        "The service's own PostgreSQL database, as a postgres:// URL: for a node, the node's database (node-api and " +
        "its courier share it, no other node reads it); for the monitor, the monitor's. It may hold a password.",
      secret: true,
      required: true,
      example: 'postgres://enlace:change-me@127.0.0.1:5432/enlace',
    },
    (value, refuse) => {
      if (value === undefined) return refuse('is required');
      return POSTGRES_URL.test(value) ? value : refuse('must be a postgres:// URL');
    },
  ),
  ENLACE_DATABASE_MAX_CONNECTIONS: integer({
    description:
      'Database connections this process may hold (at least 2). In the demo every node and the monitor share one ' +
      'server, so each pool is kept small on purpose.',
    fallback: 10,
    min: 2,
  }),
  ENLACE_STATEMENT_COUNT_DIR: optionalText({
    description:
      'For measuring only (the bench sets it): a folder where the process writes how many database statements of each ' +
      'kind it ran, every 2 s. Unset: nothing is counted.',
  }),
};
