/** Which backend a database string names: a postgres:// URL is PostgreSQL, anything else a SQLite file. */
import { AppError } from '../domain/errors.js';
import type { Logger } from '../domain/logger.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './store.js';

const POSTGRES = /^postgres(ql)?:\/\//i;
/** A URL scheme (two letters at least, so a Windows drive letter "C:\\" is a path). */
const SCHEME = /^[a-z][a-z0-9+.-]+:\/\//i;

/** True when `db` is a database URL rather than a file path. */
export function isDatabaseUrl(db: string): boolean {
  return SCHEME.test(db);
}

/** Options every backend takes. */
export interface OpenOptions {
  logger?: Logger;
  readonly?: boolean;
}

/** Opens the store `db` names: postgres://user@host:port/db (or postgresql://), else the SQLite file at that path. */
export async function openStore(db: string, opts: OpenOptions = {}): Promise<Store> {
  if (POSTGRES.test(db)) {
    // Loaded only when asked for: a SQLite user never loads pg.
    const { openPostgresStore } = await import('./postgres/index.js');
    return openPostgresStore(db, opts);
  }
  if (isDatabaseUrl(db)) {
    throw new AppError('E_USAGE', `Unknown database URL scheme in ${db.split('://')[0]}://…: give postgres://user@host/db or a SQLite file path`);
  }
  return openSqliteStore(db, opts);
}
