/** Errors as values with stable codes; the CLI and HTTP layers map codes to exits and statuses. */

/** Every code the application may raise, with its meaning. */
export const ERROR_CODES = {
  E_USAGE: 'The command was called wrongly',
  E_NOT_FOUND: 'A file, report or item does not exist',
  E_EMPTY: 'The input holds no text',
  E_BINARY: 'The input is binary, not text',
  E_ENCODING: 'The input is not valid UTF-8',
  E_TOO_LARGE: 'The input is larger than the limit',
  E_UNREADABLE: 'The input could not be read',
  E_UNSUPPORTED_FORMAT: 'The input format is not one crosscheck reads',
  E_PARSE: 'The input could not be parsed',
  E_BAD_QUERY: 'A search query is malformed',
  E_BAD_INPUT: 'A value given is not valid',
  E_UNAUTHORIZED: 'A valid token is needed',
  E_CONFLICT: 'The request conflicts with the stored state',
  E_READ_ONLY: 'This server or store takes no writes',
  E_STORE: 'The database failed',
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** An expected failure with a stable code and a message fit to show a user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
}

/** True when `e` is an AppError (optionally with the given code). */
export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}
