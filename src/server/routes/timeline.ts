/** The timeline: dated happenings merged over the reports that state them. */
import type { FastifyInstance } from 'fastify';
import type { Timeline, TimelineQuery } from '../api-types.js';
import { int, oneOf, query, str } from '../schemas/build.js';
import type { ServerContext } from '../context.js';
import { ATTRIBUTION_CLASSES, dayPrefix, errors } from '../schemas/common.js';
import { timeline } from '../schemas/record.js';
import { eventKeys } from '../views/event-keys.js';
import { timelineView } from '../views/record.js';

/** Registers `GET /api/timeline`. */
export function timelineRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: TimelineQuery }>('/api/timeline', {
    schema: {
      summary: 'Dated sentences in order, vague dates as spans of days; publication dates apart', tags: ['record'],
      querystring: query({
        limit: int({ minimum: 1, maximum: 5000 }), offset: int({ minimum: 0 }),
        event: str({ maxLength: 200, description: 'Only entries of this incident (its key, or words of its label)' }),
        publisher: str({ maxLength: 500, description: 'Only statements by reports of this publisher' }),
        from: { ...dayPrefix, description: 'Only statements by reports published from this day (YYYY, YYYY-MM or YYYY-MM-DD)' },
        to: { ...dayPrefix, description: 'Only statements by reports published up to this day' },
        kind: oneOf(ATTRIBUTION_CLASSES, { description: 'Only entries with a count stated by this class of source' }),
      }),
      response: { 200: timeline, ...errors(400) },
    },
  }, async (req): Promise<Timeline> => {
    const info = await ctx.records.ensure();
    const q = req.query;
    const events = q.event ? await eventKeys(ctx.records, q.event) : undefined;
    return timelineView(ctx.records, info, q.limit ?? 1000, q.offset ?? 0, { events, publisher: q.publisher, from: q.from, to: q.to, kind: q.kind });
  });
}
