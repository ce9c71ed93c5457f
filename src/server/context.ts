/** What every route file gets from `buildServer`. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../domain/logger.js';
import type { Store } from '../storage/store.js';
import type { RecordSource } from './records.js';
import type { Schema } from './schemas/build.js';

/** The server's shared parts. */
export interface ServerContext {
  store: Store;
  records: RecordSource;
  logger: Logger;
  /** onRequest hook for routes that write. */
  requireToken: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The OpenAPI document of every /api route. */
  openapi: () => Schema;
}
