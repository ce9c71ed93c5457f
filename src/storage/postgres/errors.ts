/** PostgreSQL failures turned into AppErrors, and which of them a transaction may retry. */
import { AppError, isAppError } from '../../domain/errors.js';

/** serialization_failure, deadlock_detected: the transaction lost a race and may run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** The SQLSTATE of a pg error, or ''. */
export function sqlState(e: unknown): string {
  return String((e as { code?: unknown } | null)?.code ?? '');
}

/** True when the transaction may be run again as it was. */
export function isRetryable(e: unknown): boolean {
  return RETRYABLE.has(sqlState(e));
}

/** True when the server could not be reached or the connection broke (not the caller's input). */
function isConnection(e: unknown): boolean {
  const code = sqlState(e);
  return code.startsWith('08') || code.startsWith('57P') || /^E(CONNREFUSED|CONNRESET|NOTFOUND|PIPE|TIMEDOUT|HOSTUNREACH)$/.test(code);
}

/**
 * Anything thrown by pg as an AppError with a message fit to show, as the SQLite store words it:
 * a clash of document ids is E_CONFLICT, a missing or invalid value E_BAD_INPUT, the rest E_STORE.
 */
export function toStoreError(e: unknown, what: string): AppError {
  if (isAppError(e)) return e;
  const code = sqlState(e);
  const constraint = String((e as { constraint?: unknown } | null)?.constraint ?? '');
  if (code === '23505' && constraint === 'documents_id_key') {
    return new AppError('E_CONFLICT', `Could not store ${what}: its id is already used by a document with other bytes`, { cause: e });
  }
  if (code === '23502') {
    const column = String((e as { column?: unknown }).column ?? '');
    const table = String((e as { table?: unknown }).table ?? '');
    return new AppError('E_BAD_INPUT', `Could not store ${what}: a value is missing or invalid (${table}.${column} is required)`, { cause: e });
  }
  // A NUL in a text (PostgreSQL's text cannot hold one) or a \u0000 in JSON it must read as text.
  if (code === '22021' || code === '22P05') {
    return new AppError('E_BAD_INPUT', `Could not store ${what}: a text holds a NUL character (\\0), which PostgreSQL cannot store`, { cause: e });
  }
  if (code === '23514') return new AppError('E_BAD_INPUT', `Could not store ${what}: a value is missing or invalid (a value is out of range)`, { cause: e });
  if (code.startsWith('22') || code.startsWith('23')) {
    return new AppError('E_BAD_INPUT', `Could not store ${what}: a value is missing or invalid (${code.startsWith('22') ? 'a value has the wrong type' : 'constraint failed'})`, { cause: e });
  }
  if (isConnection(e)) return new AppError('E_STORE', `The database could not be reached while storing ${what}`, { cause: e });
  return new AppError('E_STORE', `The database failed while storing ${what}`, { cause: e });
}

/** A read's failure: E_STORE unless it is already an AppError. */
export function toReadError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return new AppError('E_STORE', isConnection(e) ? 'The database could not be reached while reading' : 'The database failed while reading', { cause: e });
}
