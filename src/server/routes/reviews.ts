/** Reviews: confirm, reject or correct an extracted count or date; the record is rebuilt with it applied. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { Span } from '../../domain/types.js';
import { checkEdtf } from '../../review/validate.js';
import type { DateCorrection } from '../../storage/store.js';
import type { ReviewList, ReviewListQuery, ReviewRequest, ReviewResponse } from '../api-types.js';
import type { ServerContext } from '../context.js';
import type { RecordSource } from '../records.js';
import { arr, obj, query, str } from '../schemas/build.js';
import { errors, paging } from '../schemas/common.js';
import { figureSummary as figureSchema } from '../schemas/figures.js';
import { auditEntry, page, review, reviewRequest } from '../schemas/reviews.js';
import { figureSummary } from '../views/figures.js';

/** Ids of the figures a count at `span` of `doc` is part of (one indexed read of the report's counts). */
async function figuresAt(records: RecordSource, doc: string, span: Span): Promise<string[]> {
  const at = `${doc}\n${span.start}-${span.end}\n`;
  return [...(await records.figuresOfDocument(doc))].filter(([key]) => key.startsWith(at)).map(([, id]) => id);
}

/** Checks what the schema cannot say. */
function checkRequest(b: ReviewRequest): void {
  if (b.span.end < b.span.start) throw new AppError('E_BAD_INPUT', 'span.end is before span.start');
  if (b.kind === 'date' && b.measure !== undefined) throw new AppError('E_BAD_INPUT', 'measure is for counts; a date is picked by value');
  if (b.kind === 'count' && b.value !== undefined) throw new AppError('E_BAD_INPUT', 'value is for dates; a count is picked by measure');
  if (b.action === 'correct' && b.kind === 'date' && b.corrected && 'value' in b.corrected) checkEdtf((b.corrected as DateCorrection).value);
}

/** Registers the review routes. */
export function reviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: ReviewRequest; Headers: { 'idempotency-key'?: string } }>('/api/reviews', {
    onRequest: ctx.requireToken,
    schema: {
      summary: 'Confirm, reject or correct an extracted count or date (needs a token); figures are recomputed', tags: ['review'],
      description: 'Send an `Idempotency-Key` header (1–200 visible ASCII characters) to retry safely: the same key with the same '
        + 'request answers with the review first stored (and `Idempotent-Replayed: true`), with another request 409.',
      security: [{ bearer: [] }],
      headers: { type: 'object', properties: { 'idempotency-key': str({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' }) } },
      body: reviewRequest,
      response: { 201: obj({ review, audit: auditEntry, figures: arr(figureSchema) }), ...errors(400, 401, 404, 409, 413, 415) },
    },
  }, async (req, reply): Promise<ReviewResponse> => {
    const b = req.body;
    checkRequest(b);
    await ctx.records.ensure();
    const before = await figuresAt(ctx.records, b.documentId, b.span);
    const { review: stored, audit, replayed } = await ctx.store.addReview({
      documentId: b.documentId, kind: b.kind, span: b.span, item: b.kind === 'count' ? b.measure : b.value,
      action: b.action, corrected: b.corrected ?? null, reason: b.reason, reviewer: req.tokenOwner!.name,
      idempotencyKey: req.headers['idempotency-key'],
    });
    if (replayed) reply.header('idempotent-replayed', 'true');
    // Rebuilt on a replay too: the first request may have stopped between its write and its rebuild.
    await ctx.records.rebuild();
    const ids = new Set([...before, ...(await figuresAt(ctx.records, b.documentId, b.span))]);
    const figures = (await Promise.all([...ids].map((id) => ctx.records.figure(id)))).filter((f) => f !== null).map((f) => figureSummary(f));
    reply.code(201);
    return { review: stored, audit, figures };
  });

  app.get<{ Querystring: ReviewListQuery }>('/api/reviews', {
    schema: {
      summary: 'Reviews, oldest first, optionally of one document', tags: ['review'],
      querystring: query({ documentId: str({ maxLength: 200 }), ...paging }),
      response: { 200: page(review), ...errors(400) },
    },
  }, async (req): Promise<ReviewList> => {
    const { documentId, limit = 100, offset = 0 } = req.query;
    const p = await ctx.store.listReviews({ documentId, limit, offset });
    return { total: p.total, limit, offset, items: p.items };
  });
}
