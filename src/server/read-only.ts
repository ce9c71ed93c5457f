/**
 * A read-only server (`crosscheck serve --read-only`, e.g. over a read replica): one hook refuses
 * every route that writes, whatever it is and whoever asks, before its token or body is looked at.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from '../domain/errors.js';
import { errors } from './schemas/common.js';

/** The methods that only read. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a refused write is told. */
export const READ_ONLY_MESSAGE = 'This server is read-only (crosscheck serve --read-only): reviews, curation and new reports go to a server that takes writes';

/** True when a route of these methods writes. */
const writes = (method: RouteOptions['method']) => (Array.isArray(method) ? method : [method]).some((m) => !READS.has(m));

/**
 * Documents the 403 on every API route that writes (on a read-only server, on every route: one
 * whose database holds no record yet has nothing to show), and, when `readOnly`, refuses the
 * writes with 403 E_READ_ONLY. Call before the routes are registered and before the OpenAPI
 * collector, so the document shows the 403.
 */
export function installReadOnly(app: FastifyInstance, readOnly: boolean): void {
  app.addHook('onRoute', (opts: RouteOptions) => {
    if (!opts.url.startsWith('/api/') || !opts.schema || !(readOnly || writes(opts.method))) return;
    opts.schema = { ...opts.schema, response: { ...(opts.schema.response as object | undefined), ...errors(403) } };
  });
  if (!readOnly) return;
  app.addHook('onRequest', async (request) => {
    // A path no route serves stays a 404; a route that writes is refused before its own hooks run.
    if (request.routeOptions.url === undefined || READS.has(request.method)) return;
    throw new AppError('E_READ_ONLY', READ_ONLY_MESSAGE);
  });
}
