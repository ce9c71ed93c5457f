/** SQLite failures turned into AppErrors, and the retry that lets two writers share a file. */
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Logger } from '../../domain/logger.js';

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED']);

/** True when SQLite gave up waiting for another connection's lock. */
export function isBusy(e: unknown): boolean {
  return typeof e === 'object' && e !== null && BUSY_CODES.has(String((e as { code?: unknown }).code));
}

/** How write transactions retry when the busy timeout was not enough. */
export interface RetryOptions {
  attempts: number;
  logger: Logger;
}

/**
 * Run a write transaction, retrying on SQLITE_BUSY. busy_timeout already waits inside
 * SQLite; this outer loop covers a long batch in another process that outlasts it, and
 * sleeps asynchronously so the event loop is not blocked meanwhile. `what` names what is
 * stored (`report "a.txt"`), for messages.
 */
export async function retryBusy<T>(what: string, fn: () => T, opts: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      if (!isBusy(e)) throw toStoreError(e, what);
      if (attempt >= opts.attempts) {
        throw new AppError('E_STORE', `The database stayed busy (another process is writing) while storing ${what}; gave up after ${attempt} tries`, { cause: e });
      }
      opts.logger.debug('database busy, retrying', { what, attempt });
      await sleep(Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

/** Turn anything thrown by better-sqlite3 into an AppError with a message fit to show. */
export function toStoreError(e: unknown, what: string): AppError {
  if (isAppError(e)) return e;
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  const message = e instanceof Error ? e.message : String(e);
  if (code.startsWith('SQLITE_CONSTRAINT_UNIQUE') && /documents\.id/.test(message)) {
    return new AppError('E_CONFLICT', `Could not store ${what}: its id is already used by a document with other bytes`, { cause: e });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('E_BAD_INPUT', `Could not store ${what}: a value is missing or invalid (${constraintDetail(message)})`, { cause: e });
  }
  if (e instanceof TypeError || e instanceof RangeError) {
    // better-sqlite3 refuses booleans, objects and undefined before SQLite sees them.
    return new AppError('E_BAD_INPUT', `Could not store ${what}: a value has the wrong type`, { cause: e });
  }
  return new AppError('E_STORE', `The database failed while storing ${what}`, { cause: e });
}

/** "NOT NULL constraint failed: counts.measure" → "counts.measure is required". */
function constraintDetail(message: string): string {
  const notNull = /NOT NULL constraint failed: (\S+)/.exec(message);
  if (notNull) return `${notNull[1]} is required`;
  if (/CHECK constraint failed/.test(message)) return 'a value is out of range';
  if (/cannot store/.test(message)) return 'a value has the wrong type';
  return 'constraint failed';
}
