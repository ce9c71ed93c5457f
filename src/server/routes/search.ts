/** Full-text search with snippets as segments, so no client parses markers or HTML. */
import type { FastifyInstance } from 'fastify';
import type { SearchQuery, SearchResponse } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { int, obj, str } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { searchResponse } from '../schemas/record.js';
import { snippetParts } from '../../storage/snippet.js';

/** Registers `GET /api/search`. */
export function searchRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: SearchQuery }>('/api/search', {
    schema: {
      summary: 'Full-text search: words, "phrases", prefix*, AND/OR/NOT, title:/text:; best first', tags: ['documents'],
      querystring: obj({ q: str({ minLength: 1, maxLength: 500 }), limit: int({ minimum: 1, maximum: 200 }) }, ['limit']),
      response: { 200: searchResponse, ...errors(400) },
    },
  }, async (req): Promise<SearchResponse> => {
    const r = await ctx.store.search(req.query.q, { limit: req.query.limit ?? 20 });
    return {
      query: req.query.q, capped: r.capped,
      items: r.items.map((h) => ({ documentId: h.documentId, name: h.name, title: h.title, score: h.score, snippet: snippetParts(h.snippet) })),
    };
  });
}
