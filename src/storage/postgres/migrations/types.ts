/** The shape of a numbered PostgreSQL schema migration. */

/** One schema step: SQL applied once, in its own transaction, in `version` order. */
export interface PgMigration {
  /** 1, 2, 3, …: the file's number; no gaps. */
  version: number;
  /** Short name, recorded in schema_migrations. */
  name: string;
  /** SQL to run. */
  up: string;
}
