/** Consistency checks: parts that exceed totals, joint figures against their parts, contradictions. */
import type { FastifyInstance } from 'fastify';
import type { CheckList, CheckListQuery } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { int, oneOf, query, str } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { checkList } from '../schemas/figures.js';
import { checkView } from '../views/figures.js';
import { labelsOf } from '../views/record.js';

/** Registers `GET /api/checks`. */
export function checkRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: CheckListQuery }>('/api/checks', {
    schema: {
      summary: 'Consistency findings, each pointing at every span involved', tags: ['record'],
      querystring: query({ event: str({ maxLength: 200 }), status: oneOf(['problem', 'agrees']), limit: int({ minimum: 0 }), offset: int({ minimum: 0 }) }),
      response: { 200: checkList, ...errors(400) },
    },
  }, async (req): Promise<CheckList> => {
    const view = await ctx.records.get();
    const matching = view.record.checks
      .filter((c) => (!req.query.event || c.event === req.query.event) && (!req.query.status || c.status === req.query.status));
    // A page (the overview asks for none, only the total): only its checks are turned into views.
    const offset = req.query.offset ?? 0;
    const page = matching.slice(offset, req.query.limit === undefined ? undefined : offset + req.query.limit);
    const items = page.map((c) => checkView(c, view));
    return { builtAt: view.record.builtAt, total: matching.length, items, documents: labelsOf(view, new Set(items.flatMap((c) => c.spans.map((s) => s.doc)))) };
  });
}
