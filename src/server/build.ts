/** buildServer: the Fastify app over a store (routes, schemas, errors, headers); it does not listen. */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { silentLogger } from '../domain/logger.js';
import type { Logger } from '../domain/logger.js';
import type { Store } from '../storage/store.js';
import { requireToken } from './auth.js';
import type { IngestLimits, ServerContext } from './context.js';
import { DEFAULT_MAX_SIZE } from '../pipeline/1-ingest/types.js';
import { DEFAULT_MAX_SECONDS, DEFAULT_MAX_TEXT } from '../pipeline/1-ingest/limits.js';
import { frameworkError, installErrorHandler, socketError } from './errors.js';
import { installFiniteQuery } from './finite.js';
import { installReadOnly } from './read-only.js';
import { collectOpenApi } from './openapi.js';
import { RecordSource } from './records.js';
import { installSecurityHeaders } from './security.js';
import { auditRoutes } from './routes/audit.js';
import { checkRoutes } from './routes/checks.js';
import { curateRoutes } from './routes/curate.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/exports.js';
import { figureRoutes } from './routes/figures.js';
import { ingestRoutes } from './routes/ingest.js';
import { metaRoutes } from './routes/meta.js';
import { reviewRoutes } from './routes/reviews.js';
import { searchRoutes } from './routes/search.js';
import { sourceRoutes } from './routes/sources.js';
import { timelineRoutes } from './routes/timeline.js';
import { webRoutes } from './routes/web.js';

/** Options for `buildServer`. */
export interface ServerOptions {
  store: Store;
  logger?: Logger;
  /** The built web app (web/dist); without it `/` is a plain page listing the API. */
  webRoot?: string;
  /** Largest request body in bytes (default 64 KB); larger ones get 413. */
  bodyLimit?: number;
  /** Limits on uploaded and fetched reports (default: the ingest's), and whether an address may be private (default false). */
  ingest?: Partial<IngestLimits>;
  /** Refuse every write with 403 E_READ_ONLY (a server over a read replica); default false. */
  readOnly?: boolean;
}

/** The API routes, in the order the OpenAPI document lists them. */
const ROUTES = [
  documentRoutes, ingestRoutes, searchRoutes, eventRoutes, figureRoutes, timelineRoutes, entityRoutes, sourceRoutes, checkRoutes,
  reviewRoutes, curateRoutes, auditRoutes, exportRoutes, metaRoutes,
];

/** Builds the app; call `ready()` or `inject()` (tests) or `listen()` (serve). The caller closes the store. */
export function buildServer({ store, logger = silentLogger, webRoot, bodyLimit = 64 * 1024, ingest = {}, readOnly = false }: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit,
    // Unknown body fields are errors, not silently dropped; query strings still coerce "5" to 5;
    // "1e309" (Infinity) and NaN are not numbers.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, strictNumbers: true } },
    // Errors before routing (a URL that does not decode) and before Fastify (headers too large) in our shape.
    frameworkErrors: frameworkError,
    // A client that sends its request a byte at a time (slowloris) is cut off, not waited for.
    requestTimeout: 30_000,
    clientErrorHandler: socketError,
  });
  // Bodies are JSON: a text/plain body is a 415, not a string that fails validation further on.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('tokenOwner', null);
  installReadOnly(app, readOnly);
  const openapi = collectOpenApi(app, { title: 'crosscheck', version: '0.1.0' });
  const limits: IngestLimits = { maxSize: DEFAULT_MAX_SIZE, maxText: DEFAULT_MAX_TEXT, maxSeconds: DEFAULT_MAX_SECONDS, allowPrivate: false, ...ingest };
  const ctx: ServerContext = { store, logger, records: new RecordSource(store, { readOnly }), requireToken: requireToken(store), openapi, ingest: limits, readOnly };
  installErrorHandler(app, logger, bodyLimit);
  installSecurityHeaders(app);
  installFiniteQuery(app);
  for (const routes of ROUTES) routes(app, ctx);
  webRoutes(app, ctx, webRoot);
  return app;
}
