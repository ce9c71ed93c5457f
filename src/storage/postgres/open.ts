/** Opens a PostgreSQL evidence store: a pool, the migrations, then the Store. */
import { AppError, isAppError } from '../../domain/errors.js';
import { silentLogger } from '../../domain/logger.js';
import type { Logger } from '../../domain/logger.js';
import { shownDatabase } from '../db-url.js';
import type { Store } from '../store.js';
import { Db } from './db.js';
import { migratePg } from './migrate.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { PostgresStore } from './pg-store.js';

/** Options for `openPostgresStore`. */
export interface PostgresOptions {
  logger?: Logger;
  /** Open without writing: no migrations, and writes refused. The schema must be current. */
  readonly?: boolean;
  /** Clock for ingested_at (tests pin it). */
  now?: () => Date;
  /** Most documents ranked for one search (default 2,000). */
  rankCap?: number;
  /** Connections in the pool (default 4). */
  poolSize?: number;
}

/** A URL for messages: the password, if any, left out. */
export const safeUrl = shownDatabase;

/** Open the store at `url` (postgres://user@host:port/db), migrating its schema unless read-only. */
export async function openPostgresStore(url: string, opts: PostgresOptions = {}): Promise<Store> {
  const logger = opts.logger ?? silentLogger;
  const db = new Db(url, logger, opts.poolSize ?? 4);
  try {
    if (opts.readonly) {
      const rows = await db.pool.query<{ v: number | null }>(`SELECT max(version) AS v FROM schema_migrations`).catch((e: unknown) => {
        if ((e as { code?: string }).code === '42P01') return { rows: [{ v: 0 }] };
        throw e;
      });
      const version = rows.rows[0]?.v ?? 0;
      if (version !== PG_MIGRATIONS.length) {
        throw new AppError('E_STORE', `The database has schema version ${version}; this crosscheck needs ${PG_MIGRATIONS.length} (open it once for writing to upgrade)`);
      }
    } else {
      await migratePg(db, PG_MIGRATIONS, logger);
    }
  } catch (e) {
    await db.close();
    if (isAppError(e)) throw e;
    throw new AppError('E_STORE', `Could not open the database ${safeUrl(url)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return new PostgresStore(db, { now: opts.now ?? (() => new Date()), rankCap: opts.rankCap, readonly: opts.readonly });
}
