/** About the API itself: its OpenAPI document, the store's sizes, and who a token belongs to. */
import type { FastifyInstance } from 'fastify';
import { buildInfo } from '../../pipeline/run/record-rows.js';
import type { ServerMeta, StatsView, WhoAmI } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { bool, int, obj, str } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { statsView } from '../schemas/record.js';

/** When the stored record was built (one indexed row). */
async function builtAt(ctx: ServerContext): Promise<string | null> {
  return (await buildInfo(ctx.store))?.builtAt ?? null;
}

/** Registers `/api/openapi.json`, `/api/meta`, `/api/stats` and `/api/whoami`. */
export function metaRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/openapi.json', {
    schema: { summary: 'This API as OpenAPI 3.1, generated from the route schemas', tags: ['meta'], response: { 200: { type: 'object', additionalProperties: true } } },
  }, async (_req, reply) => reply.type('application/json; charset=utf-8').send(JSON.stringify(ctx.openapi())));

  app.get('/api/meta', {
    schema: { summary: 'What the web app needs first: whether this server takes writes', tags: ['meta'], response: { 200: obj({ readOnly: bool() }), ...errors() } },
  }, async (): Promise<ServerMeta> => ({ readOnly: ctx.readOnly }));

  app.get('/api/stats', {
    schema: { summary: 'Sizes of the store and when the record was built', tags: ['meta'], response: { 200: statsView, ...errors() } },
  }, async (): Promise<StatsView> => {
    const [stats, reviews, built] = await Promise.all([
      ctx.store.stats(), ctx.store.listReviews({ limit: 1 }), builtAt(ctx),
    ]);
    return { ...stats, reviews: reviews.total, builtAt: built };
  });

  app.get('/api/whoami', {
    onRequest: ctx.requireToken,
    schema: {
      summary: 'Whose token this is (to check a token before writing)', tags: ['meta'], security: [{ bearer: [] }],
      response: { 200: obj({ id: int(), name: str() }), ...errors(401) },
    },
  }, async (req): Promise<WhoAmI> => req.tokenOwner!);
}
