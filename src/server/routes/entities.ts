/** Entities: canonical names with their other spellings and why they were joined. */
import type { FastifyInstance } from 'fastify';
import type { EntityList } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { errors } from '../schemas/common.js';
import { entityList } from '../schemas/record.js';
import { entityDecisions } from '../../pipeline/run/entity-decisions.js';

/** Registers `GET /api/entities`. */
export function entityRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/entities', {
    schema: { summary: 'Names and their spelling variants', tags: ['record'], response: { 200: entityList, ...errors() } },
  }, async (): Promise<EntityList> => {
    const info = await ctx.records.ensure();
    const [items, decisions] = await Promise.all([ctx.records.entities(), entityDecisions(ctx.store)]);
    return { builtAt: info.builtAt, items, decisions: decisions.reverse() };
  });
}
