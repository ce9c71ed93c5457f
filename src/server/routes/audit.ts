/** The audit log, read-only: no route edits or deletes it (nor can any SQL, see migration 3). */
import type { FastifyInstance } from 'fastify';
import type { AuditList, AuditListQuery } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { query, str } from '../schemas/build.js';
import { errors, paging } from '../schemas/common.js';
import { auditEntry, page } from '../schemas/reviews.js';

/** Registers `GET /api/audit`. */
export function auditRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: AuditListQuery }>('/api/audit', {
    schema: {
      summary: 'The append-only audit log, newest first: who, when, what, before, after, why', tags: ['review'],
      querystring: query({ target: str({ maxLength: 500, description: 'Target prefix, e.g. doc:<id>' }), ...paging }),
      response: { 200: page(auditEntry), ...errors(400) },
    },
  }, async (req): Promise<AuditList> => {
    const { target, limit = 100, offset = 0 } = req.query;
    const p = await ctx.store.listAudit({ target, limit, offset });
    return { total: p.total, limit, offset, items: p.items };
  });
}
