/** Errors as `{ code, message }` with the right status; anything unexpected is a plain 500. */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../domain/errors.js';
import type { ErrorCode } from '../domain/errors.js';
import type { Logger } from '../domain/logger.js';
import type { ApiError, ApiErrorCode } from './api-types.js';

/** The HTTP status of each application error code. */
export const STATUS: Readonly<Record<ErrorCode, number>> = {
  E_USAGE: 400, E_NOT_FOUND: 404, E_EMPTY: 400, E_BINARY: 400, E_ENCODING: 400, E_TOO_LARGE: 413,
  E_UNREADABLE: 400, E_UNSUPPORTED_FORMAT: 400, E_PARSE: 400, E_BAD_QUERY: 400, E_BAD_INPUT: 400,
  E_UNAUTHORIZED: 401, E_READ_ONLY: 403, E_CONFLICT: 409, E_STORE: 500,
};

const API_CODES = new Set<string>(['E_BAD_INPUT', 'E_BAD_QUERY', 'E_NOT_FOUND', 'E_UNAUTHORIZED', 'E_READ_ONLY', 'E_CONFLICT', 'E_TOO_LARGE']);

/** The body and status for a 500: the same words whatever went wrong, so nothing internal leaks. */
export const INTERNAL: ApiError = { code: 'E_INTERNAL', message: 'Internal error' };

/** Words for the client errors that Node, Fastify or a plugin raise with a status but no message of ours. */
const CLIENT_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request', 403: 'Forbidden', 404: 'Nothing is served at this path', 405: 'Method not allowed',
  406: 'Not acceptable', 408: 'The request took too long', 411: 'A Content-Length is needed', 413: 'The body is larger than the limit',
  414: 'The address is too long', 415: 'Send the body as application/json', 416: 'Range not satisfiable',
  431: 'The request headers are too large',
};

/** The API code that goes with a client status. */
export function codeOfStatus(status: number): ApiErrorCode {
  if (status === 401) return 'E_UNAUTHORIZED';
  if (status === 404) return 'E_NOT_FOUND';
  if (status === 409) return 'E_CONFLICT';
  if (status === 413) return 'E_TOO_LARGE';
  return 'E_BAD_INPUT';
}

/** A client error body for `status`, in the API's shape. */
export function clientError(status: number, message?: string): { status: number; body: ApiError } {
  return { status, body: { code: codeOfStatus(status), message: message ?? CLIENT_TEXT[status] ?? 'Bad request' } };
}

/** Maps any thrown value to a status and a body fit to send. */
export function toHttpError(e: unknown, bodyLimit: number): { status: number; body: ApiError } {
  if (isAppError(e)) {
    const status = STATUS[e.code];
    if (status >= 500) return { status: 500, body: INTERNAL };
    const code = (API_CODES.has(e.code) ? e.code : 'E_BAD_INPUT') as ApiErrorCode;
    return { status, body: { code, message: e.message } };
  }
  const fe = e as (Partial<FastifyError> & { status?: unknown; expose?: unknown }) | null;
  if (fe?.validation) return { status: 400, body: { code: 'E_BAD_INPUT', message: fe.message ?? 'Invalid input' } };
  if (fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return clientError(413, `The body is larger than ${Math.round(bodyLimit / 1024)} KB`);
  }
  if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return clientError(415);
  // Fastify's own client errors (malformed JSON, empty body, bad URL) carry messages about the request only.
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : typeof fe?.status === 'number' ? fe.status : undefined;
  if (typeof fe?.code === 'string' && fe.code.startsWith('FST_') && status !== undefined && status >= 400 && status < 500) {
    return clientError(status, fe.message || undefined);
  }
  if (e instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) return clientError(400, 'The body is not valid JSON');
  // http-errors from plugins (the static files' 403 for an encoded "..", 416 for a bad range): their
  // status, in our words, never their message or stack.
  if (status !== undefined && status >= 400 && status < 500) return clientError(status);
  return { status: 500, body: INTERNAL };
}

/** A stack cut to its first lines: enough to find the fault, too little to flood a log. */
function shortStack(e: unknown): string {
  if (!(e instanceof Error)) return String(e).slice(0, 500);
  return (e.stack ?? `${e.name}: ${e.message}`).split('\n').slice(0, 8).join('\n').slice(0, 2000);
}

/** Sends `status`/`body` as JSON (with the bearer challenge on a 401). */
function send(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/**
 * Installs the error handler: client errors as they are, server errors logged once and hidden.
 * The log line names the route's pattern, never the URL, query, headers or body a client sent.
 */
export function installErrorHandler(app: FastifyInstance, logger: Logger, bodyLimit: number): void {
  app.setErrorHandler((e, request, reply) => {
    const { status, body } = toHttpError(e, bodyLimit);
    if (status >= 500) {
      const cause = isAppError(e) ? e.cause : undefined;
      logger.error('request failed', {
        method: request.method, route: request.routeOptions.url ?? '(no route)', error: shortStack(e),
        cause: cause instanceof Error ? cause.message.slice(0, 500) : undefined,
      });
    }
    return send(reply, status, body);
  });
}

/** For `frameworkErrors`: a URL that cannot be decoded, and Fastify's other errors before routing. */
export function frameworkError(e: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toHttpError(e, 0);
  void send(reply, status >= 500 ? 400 : status, status >= 500 ? clientError(400).body : body);
}

/**
 * For `clientErrorHandler`: what Node's HTTP parser refuses before Fastify sees a request
 * (431 headers too large, 400 malformed request line, 408 timeout), in the API's shape.
 */
export function socketError(e: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || e.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = e.code === 'HPE_HEADER_OVERFLOW' ? 431 : e.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(clientError(status).body);
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\n`
    + `content-length: ${Buffer.byteLength(body)}\r\nx-content-type-options: nosniff\r\ncache-control: no-store\r\n\r\n${body}`);
}
