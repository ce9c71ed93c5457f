/** Applies numbered migrations in order, each once, each in its own transaction. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import type { Logger } from '../../domain/logger.js';
import type { Migration } from './migrations/types.js';

/**
 * Bring the schema up to the last migration. Each step re-checks schema_migrations inside
 * an IMMEDIATE transaction, so two processes opening a new database at once apply it once.
 * Returns the schema version reached. Throws E_STORE for a database from a newer crosscheck.
 */
export function migrate(db: Database, migrations: readonly Migration[], logger: Logger): number {
  checkOrder(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const latest = migrations.length;
  const current = () => db.prepare<[], number | null>('SELECT max(version) FROM schema_migrations').pluck().get() ?? 0;
  const found = current();
  if (found > latest) {
    throw new AppError('E_STORE', `This database has schema version ${found}, newer than this crosscheck knows (${latest}); upgrade crosscheck`);
  }
  for (const m of migrations.slice(found)) {
    // An archive stored before: moving its rows may take minutes at a million reports; say so first.
    if (found > 0) logger.info('applying schema migration', { version: m.version, name: m.name });
    const apply = db.transaction(() => {
      if (current() >= m.version) return false;
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(m.version, m.name, new Date().toISOString());
      // user_version lets plain sqlite3 tools see the schema version too.
      db.pragma(`user_version = ${m.version}`);
      return true;
    });
    if (apply.immediate()) logger.info('applied schema migration', { version: m.version, name: m.name });
  }
  return latest;
}

/** Versions must be 1, 2, 3, … in array order: a gap or a swap is a programming error. */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
