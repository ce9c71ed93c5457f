/** A pool of connections with the two things the store does: a query, and a transaction that may retry. */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Logger } from '../../domain/logger.js';
import { isRetryable, toReadError, toStoreError } from './errors.js';

/** A connection inside a transaction (or the pool itself, for single statements). */
export type Queryable = Pick<pg.PoolClient, 'query'>;

/** int8 and numeric as JS numbers: counts, sequence numbers and sums stay far below 2^53. */
function numberTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  types.setTypeParser(pg.types.builtins.NUMERIC, Number);
  return types;
}

/**
 * A read's parameter as PostgreSQL takes it. Its text type cannot hold a NUL, so nothing stored
 * holds one (texts that do are kept as bytes): a value with a NUL is sent as NULL, which equals,
 * matches and bounds nothing, so the read finds nothing, as SQLite's would, instead of failing.
 */
export function readParam(p: unknown): unknown {
  if (typeof p === 'string') return p.includes('\0') ? null : p;
  if (Array.isArray(p)) return p.map(readParam);
  return p;
}

/** The pool and its transactions. */
export class Db {
  readonly pool: pg.Pool;
  private closed = false;

  constructor(url: string, private readonly logger: Logger, max = 4) {
    this.pool = new pg.Pool({ connectionString: url, max, types: numberTypes(), application_name: 'crosscheck' });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', (e) => logger.warn('database connection lost', { error: e.message }));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** One statement outside a transaction (a parameter with a NUL matches nothing); failures become E_STORE. */
  async read<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params.map(readParam))).rows;
    } catch (e) {
      throw toReadError(e);
    }
  }

  /**
   * Runs `fn` in one READ COMMITTED transaction on one connection. A serialization failure or
   * deadlock runs it again (up to `attempts` times); anything else rolls back and is thrown as
   * an AppError naming `what`.
   */
  async tx<T>(what: string, fn: (c: pg.PoolClient) => Promise<T>, attempts = 8): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (e) {
        throw toStoreError(e, what);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch (r) {
          broken = r as Error;
        }
        if (isRetryable(e) && attempt < attempts) {
          this.logger.debug('transaction lost a race, retrying', { what, attempt });
          await sleep(Math.min(1000, 10 * 2 ** attempt) * (0.5 + Math.random()));
          continue;
        }
        throw toStoreError(e, what);
      } finally {
        client.release(broken);
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** `SELECT pg_advisory_xact_lock(…)` on a name: serialises transactions that touch the same thing. */
export async function lockName(c: Queryable, name: string): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
}
