/** Consistency checks: parts that exceed totals, joint figures against their parts, contradictions. */
import type { FastifyInstance } from 'fastify';
import type { CheckList, CheckListQuery } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { oneOf, query, str } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { checkList } from '../schemas/figures.js';
import { checkView } from '../views/figures.js';
import { labelsOf } from '../views/record.js';

/** Registers `GET /api/checks`. */
export function checkRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: CheckListQuery }>('/api/checks', {
    schema: {
      summary: 'Consistency findings, each pointing at every span involved', tags: ['record'],
      querystring: query({ event: str({ maxLength: 200 }), status: oneOf(['problem', 'agrees']) }),
      response: { 200: checkList, ...errors(400) },
    },
  }, async (req): Promise<CheckList> => {
    const view = await ctx.records.get();
    const items = view.record.checks
      .filter((c) => (!req.query.event || c.event === req.query.event) && (!req.query.status || c.status === req.query.status))
      .map((c) => checkView(c, view));
    return { builtAt: view.record.builtAt, items, documents: labelsOf(view, new Set(items.flatMap((c) => c.spans.map((s) => s.doc)))) };
  });
}
