/** Applies numbered PostgreSQL migrations in order, each once, each in its own transaction. */
import { AppError } from '../../domain/errors.js';
import type { Logger } from '../../domain/logger.js';
import type { Db } from './db.js';
import type { PgMigration } from './migrations/types.js';

/** An arbitrary constant: the advisory lock that one migrating process holds at a time. */
const MIGRATION_LOCK = 7_364_921_001;

/**
 * Bring the schema up to the last migration. An advisory lock held across the steps makes two
 * processes opening a new database at once apply each step once. Returns the version reached;
 * throws E_STORE for a database from a newer crosscheck.
 */
export async function migratePg(db: Db, migrations: readonly PgMigration[], logger: Logger): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
      const found = (await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0;
      if (found > latest) {
        throw new AppError('E_STORE', `This database has schema version ${found}, newer than this crosscheck knows (${latest}); upgrade crosscheck`);
      }
      for (const m of migrations.slice(found)) {
        // An archive stored before: moving its rows may take minutes at a million reports; say so first.
        if (found > 0) logger.info('applying schema migration', { version: m.version, name: m.name });
        await client.query('BEGIN');
        try {
          await client.query(m.up);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
        logger.info('applied schema migration', { version: m.version, name: m.name });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  return latest;
}

