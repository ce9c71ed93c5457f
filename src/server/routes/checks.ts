/** Consistency checks: parts that exceed totals, joint figures against their parts, contradictions. */
import type { FastifyInstance } from 'fastify';
import type { CheckList, CheckListQuery } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { int, oneOf, query, str } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { checkList } from '../schemas/figures.js';
import { checkView } from '../views/figures.js';

/** Registers `GET /api/checks`. */
export function checkRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: CheckListQuery }>('/api/checks', {
    schema: {
      summary: 'Consistency findings, each pointing at every span involved', tags: ['record'],
      querystring: query({ event: str({ maxLength: 200 }), status: oneOf(['problem', 'agrees']), limit: int({ minimum: 0 }), offset: int({ minimum: 0 }) }),
      response: { 200: checkList, ...errors(400) },
    },
  }, async (req): Promise<CheckList> => {
    const info = await ctx.records.ensure();
    // A page (the overview asks for none, only the total), read and counted by index.
    const page = await ctx.records.checks(req.query);
    const items = page.items.map(checkView);
    return { builtAt: info.builtAt, total: page.total, items, documents: await ctx.records.labels(items.flatMap((c) => c.spans.map((s) => s.doc))) };
  });
}
