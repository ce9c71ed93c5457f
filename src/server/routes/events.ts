/** Events: what the counts were grouped under, with how many reports and figures each has. */
import type { FastifyInstance } from 'fastify';
import type { EventList } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { errors } from '../schemas/common.js';
import { eventList } from '../schemas/figures.js';
import { eventsView } from '../views/record.js';

/** Registers `GET /api/events`. */
export function eventRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/events', {
    schema: { summary: 'Events, each with its counts, reports and casualty figures', tags: ['record'], response: { 200: eventList, ...errors() } },
  }, async (): Promise<EventList> => eventsView(ctx.records, await ctx.records.ensure()));
}
