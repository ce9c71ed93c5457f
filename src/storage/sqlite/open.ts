/** Opens (creating as needed) a SQLite evidence store: pragmas, migrations, then the Store. */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AppError, isAppError } from '../../domain/errors.js';
import { silentLogger } from '../../domain/logger.js';
import type { Logger } from '../../domain/logger.js';
import type { Store } from '../store.js';
import { retryBusy } from './errors.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { SqliteStore } from './sqlite-store.js';

/** Options for `openSqliteStore`. */
export interface SqliteOptions {
  logger?: Logger;
  /** How long SQLite itself waits for another writer's lock (default 5000 ms). */
  busyTimeoutMs?: number;
  /** Write attempts when SQLite still reports busy after that wait (default 12). */
  busyRetries?: number;
  /** Open without writing: no migrations, no WAL switch. The schema must be current. */
  readonly?: boolean;
  /** Clock for ingested_at (tests pin it). */
  now?: () => Date;
  /** Most documents bm25 ranks for one query (default 2,000). */
  rankCap?: number;
}

/** Open the SQLite store at `file` (':memory:' for a private in-memory one). */
export async function openSqliteStore(file: string, opts: SqliteOptions = {}): Promise<Store> {
  const logger = opts.logger ?? silentLogger;
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5000;
  const retry = { attempts: opts.busyRetries ?? 12, logger };
  const memory = file === ':memory:' || file === '';
  if (!memory && !opts.readonly) await mkdir(dirname(resolve(file)), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false, timeout: busyTimeoutMs });
  } catch (e) {
    throw new AppError('E_STORE', `Could not open the database ${file}`, { cause: e });
  }
  try {
    await retryBusy('the schema', () => setUp(db, opts.readonly ?? false, logger), retry);
  } catch (e) {
    db.close();
    const cause = isAppError(e) ? e.cause : e;
    if (String((cause as { code?: unknown } | undefined)?.code).startsWith('SQLITE_NOTADB')) {
      throw new AppError('E_STORE', `${file} is not a crosscheck database`, { cause: e });
    }
    throw e;
  }
  try {
    return new SqliteStore(db, { retry, now: opts.now ?? (() => new Date()), rankCap: opts.rankCap });
  } catch (e) {
    // Preparing statements fails when the file is SQLite but not (yet) a crosscheck schema.
    db.close();
    throw new AppError('E_STORE', `${file} is not a crosscheck database of this version`, { cause: e });
  }
}

/** Pragmas, then migrations. */
function setUp(db: Database.Database, readonly: boolean, logger: Logger): void {
  db.pragma('foreign_keys = ON');
  if (readonly) {
    const version = db.pragma('user_version', { simple: true });
    if (version !== MIGRATIONS.length) {
      throw new AppError('E_STORE', `The database has schema version ${String(version)}; this crosscheck needs ${MIGRATIONS.length} (open it once for writing to upgrade)`);
    }
    return;
  }
  // WAL: readers never block the writer nor see its uncommitted rows; NORMAL is durable
  // across application crashes in WAL mode (a power cut may lose the last commits only).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db, MIGRATIONS, logger);
}
