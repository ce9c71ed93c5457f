/** Errors as `{ code, message }` with the right status; anything unexpected is a plain 500. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { isAppError } from '../domain/errors.js';
import type { ErrorCode } from '../domain/errors.js';
import type { Logger } from '../domain/logger.js';
import type { ApiError, ApiErrorCode } from './api-types.js';

/** The HTTP status of each application error code. */
export const STATUS: Readonly<Record<ErrorCode, number>> = {
  E_USAGE: 400, E_NOT_FOUND: 404, E_EMPTY: 400, E_BINARY: 400, E_ENCODING: 400, E_TOO_LARGE: 413,
  E_UNREADABLE: 400, E_UNSUPPORTED_FORMAT: 400, E_PARSE: 400, E_BAD_QUERY: 400, E_BAD_INPUT: 400,
  E_UNAUTHORIZED: 401, E_CONFLICT: 409, E_STORE: 500,
};

const API_CODES = new Set<string>(['E_BAD_INPUT', 'E_BAD_QUERY', 'E_NOT_FOUND', 'E_UNAUTHORIZED', 'E_CONFLICT', 'E_TOO_LARGE']);

/** The body and status for a 500: the same words whatever went wrong, so nothing internal leaks. */
export const INTERNAL: ApiError = { code: 'E_INTERNAL', message: 'Internal error' };

/** Maps any thrown value to a status and a body fit to send. */
export function toHttpError(e: unknown, bodyLimit: number): { status: number; body: ApiError } {
  if (isAppError(e)) {
    const status = STATUS[e.code];
    if (status >= 500) return { status: 500, body: INTERNAL };
    const code = (API_CODES.has(e.code) ? e.code : 'E_BAD_INPUT') as ApiErrorCode;
    return { status, body: { code, message: e.message } };
  }
  const fe = e as Partial<FastifyError> | null;
  if (fe?.validation) return { status: 400, body: { code: 'E_BAD_INPUT', message: fe.message ?? 'Invalid input' } };
  if (fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { code: 'E_TOO_LARGE', message: `The body is larger than ${Math.round(bodyLimit / 1024)} KB` } };
  }
  if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { status: 415, body: { code: 'E_BAD_INPUT', message: 'Send the body as application/json' } };
  // Fastify's own client errors (malformed JSON, empty body, bad header) carry messages about the request only.
  if (typeof fe?.code === 'string' && fe.code.startsWith('FST_') && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { code: 'E_BAD_INPUT', message: fe.message ?? 'Bad request' } };
  }
  if (e instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) {
    return { status: 400, body: { code: 'E_BAD_INPUT', message: 'The body is not valid JSON' } };
  }
  return { status: 500, body: INTERNAL };
}

/** Installs the error handler: client errors as they are, server errors logged and hidden. */
export function installErrorHandler(app: FastifyInstance, logger: Logger, bodyLimit: number): void {
  app.setErrorHandler((e, request, reply) => {
    const { status, body } = toHttpError(e, bodyLimit);
    if (status >= 500) {
      const cause = isAppError(e) ? e.cause : undefined;
      logger.error('request failed', { method: request.method, url: request.url, error: e instanceof Error ? e.stack ?? e.message : String(e), cause: cause instanceof Error ? cause.message : undefined });
    }
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
}
