/** Sources: groups of reports that are one source, and the passages pairs of reports share. */
import type { FastifyInstance } from 'fastify';
import type { SourcesQuery, SourcesView } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { int, query } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { sourcesView } from '../schemas/record.js';
import { labelsOf, pairView } from '../views/record.js';
import { loadTexts } from '../views/texts.js';

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
    const view = await ctx.records.get();
    const s = view.record.sources;
    const page = s.pairs.slice(offset, offset + limit);
    const docs = new Set([...s.groups.flat(), ...page.flatMap((p) => [p.a, p.b]), ...s.possible.flatMap((p) => [p.a, p.b])]);
    const texts = await loadTexts(ctx.store, [...page, ...s.possible].flatMap((p) => [p.a, p.b]));
    return {
      builtAt: view.record.builtAt,
      groups: s.groups.map((g) => ({ id: g[0]!, documents: g })),
      pairs: { total: s.pairs.length, items: page.map((p) => pairView(p, texts)) },
      possible: s.possible.map((p) => pairView(p, texts)),
      documents: labelsOf(view, docs),
    };
  });
}
