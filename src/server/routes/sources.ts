/** Sources: groups of reports that are one source, and the passages pairs of reports share. */
import type { FastifyInstance } from 'fastify';
import type { SourcesQuery, SourcesView } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { int, query } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { sourcesView } from '../schemas/record.js';
import { pairView } from '../views/record.js';
import { loadTexts } from '../views/texts.js';
import { sourceDecisions } from '../../pipeline/run/source-decisions.js';

/** Registers `GET /api/sources`. */
export function sourceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: SourcesQuery }>('/api/sources', {
    schema: {
      summary: 'Source groups, and pairs of reports with the passages they share (pairs are paged)', tags: ['record'],
      querystring: query({ limit: int({ minimum: 1, maximum: 500 }), offset: int({ minimum: 0 }) }),
      response: { 200: sourcesView, ...errors(400) },
    },
  }, async (req): Promise<SourcesView> => {
    const { limit = 100, offset = 0 } = req.query;
    const info = await ctx.records.ensure();
    const [groups, page, possible, decided] = await Promise.all([ctx.records.groups(), ctx.records.pairs(limit, offset), ctx.records.possible(), sourceDecisions(ctx.store)]);
    const decisions = [...decided.values()].sort((x, y) => (x.at < y.at ? 1 : -1));
    const docs = new Set([...groups.flat(), ...page.items.flatMap((p) => [p.a, p.b]), ...possible.flatMap((p) => [p.a, p.b]), ...decisions.flatMap((d) => [d.a, d.b])]);
    const texts = await loadTexts(ctx.store, [...page.items, ...possible].flatMap((p) => [p.a, p.b]));
    return {
      builtAt: info.builtAt,
      groups: groups.map((g) => ({ id: g[0]!, documents: g })),
      pairs: { total: page.total, items: page.items.map((p) => pairView(p, texts)) },
      possible: possible.map((p) => pairView(p, texts)),
      decisions,
      documents: await ctx.records.labels(docs),
    };
  });
}
