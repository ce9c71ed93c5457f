/** What every route file gets from `buildServer`. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../domain/logger.js';
import type { Store } from '../storage/store.js';
import type { RecordSource } from './records.js';
import type { Schema } from './schemas/build.js';

/** What reports added through the API may be. */
export interface IngestLimits {
  maxSize: number;
  maxText: number;
  maxSeconds: number;
  allowPrivate: boolean;
  /** Worker threads that read and extract uploaded and fetched reports (default 1; 0: the server's own thread). */
  workers?: number;
}

/** The server's shared parts. */
export interface ServerContext {
  store: Store;
  records: RecordSource;
  logger: Logger;
  /** onRequest hook for routes that write. */
  requireToken: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** Limits on reports added through the API (the ingest's), and whether an address may be private. */
  ingest: IngestLimits;
  /** True when every write is refused (serve --read-only): the record is read as stored, never built. */
  readOnly: boolean;
  /** The OpenAPI document of every /api route. */
  openapi: () => Schema;
}
