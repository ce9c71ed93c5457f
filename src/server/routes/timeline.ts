/** The timeline: dated happenings merged over the reports that state them. */
import type { FastifyInstance } from 'fastify';
import type { Timeline, TimelineQuery } from '../api-types.js';
import { int, query } from '../schemas/build.js';
import type { ServerContext } from '../context.js';
import { errors } from '../schemas/common.js';
import { timeline } from '../schemas/record.js';
import { timelineView } from '../views/record.js';

/** Registers `GET /api/timeline`. */
export function timelineRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: TimelineQuery }>('/api/timeline', {
    schema: {
      summary: 'Dated sentences in order, vague dates as spans of days; publication dates apart', tags: ['record'],
      querystring: query({ limit: int({ minimum: 1, maximum: 5000 }), offset: int({ minimum: 0 }) }),
      response: { 200: timeline, ...errors(400) },
    },
  }, async (req): Promise<Timeline> => timelineView(ctx.records, await ctx.records.ensure(), req.query.limit ?? 1000, req.query.offset ?? 0));
}
