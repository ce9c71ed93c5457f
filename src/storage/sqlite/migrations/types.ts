/** The shape of a numbered schema migration. */
import type { Database } from 'better-sqlite3';

/** One schema step; applied once, in its own transaction, in `version` order. */
export interface Migration {
  /** 1, 2, 3, …: the file's number; no gaps. */
  version: number;
  /** Short name, recorded in schema_migrations. */
  name: string;
  /** SQL to run, or a function for steps SQL alone cannot do (backfills computed in JS). */
  up: string | ((db: Database) => void);
}
