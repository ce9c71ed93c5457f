/** The timeline: dated happenings merged over the reports that state them. */
import type { FastifyInstance } from 'fastify';
import type { Timeline } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { errors } from '../schemas/common.js';
import { timeline } from '../schemas/record.js';
import { timelineView } from '../views/record.js';

/** Registers `GET /api/timeline`. */
export function timelineRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/timeline', {
    schema: { summary: 'Dated sentences in order, vague dates as spans of days; publication dates apart', tags: ['record'], response: { 200: timeline, ...errors() } },
  }, async (): Promise<Timeline> => timelineView(await ctx.records.get()));
}
