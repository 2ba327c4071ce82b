import { Kysely, Migration, Migrator } from 'kysely';

/**
 * Brings a database to the newest schema of the migrations given (kept in the repository, applied in name order,
 * each once). Several processes may start at once (a node's API and courier): Kysely's migrator takes a lock in
 * the database, so one applies and the others find the work done. Throws when a migration fails, naming it.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: Readonly<Record<string, Migration>>,
  tableName: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableName: tableName,
    migrationLockTableName: `${tableName}_lock`,
    // Migrations are numbered as they were planned, and some landed after a higher number: each stands alone (its own
    // tables or columns), so one applied later than a higher one is fine, and a database that has the higher one
    // still takes it.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'a migration';
    throw new Error(`the database schema could not be brought up to date (${failed}): ${String(error)}`);
  }
}
