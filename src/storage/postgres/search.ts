/** Full-text search over the GIN index: ranked like SQLite's bm25 (title ×4), capped for very common terms, snippets with markers. */
import { AppError } from '../../domain/errors.js';
import type { SearchHit, SearchOptions, SearchResult } from '../store.js';
import type { Db } from './db.js';
import { toPgQuery } from './fts-query.js';
import { snippet } from './text-index.js';
import { textOf } from './rows.js';

/** Most documents ranked for one query; beyond it only the most recent are ranked (as SQLite's). */
export const DEFAULT_RANK_CAP = 2_000;

/**
 * ts_rank with weights D, C, B (text), A (title): a title match counts four text matches, as
 * bm25(4.0, 1.0) has it; normalisation 1 divides by 1 + log(length), so a long report does not win
 * by length alone. The score is not bm25's number, only its order is comparable.
 */
const RANK = `ts_rank('{0, 0, 0.25, 1}', f.terms, q, 1)`;

/** Searching on `db`; `rankCap` bounds the ranking work for common terms. */
export function prepareSearch(db: Db, rankCap = DEFAULT_RANK_CAP) {
  return async function search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const limit = options.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new AppError('E_BAD_INPUT', `limit must be an integer from 1 to 200, got ${limit}`);
    }
    const { tsquery, highlight } = toPgQuery(query);
    if (tsquery === null) return { items: [], capped: false };
    // The most recent cap + 1 matches with their rank, then sorted: ties to the more recent report.
    const found = await db.read<{ seq: number; rank: number }>(`SELECT f.doc_seq AS seq, ${RANK} AS rank
      FROM documents_fts f, CAST($1 AS tsquery) q WHERE f.terms @@ q ORDER BY f.doc_seq DESC LIMIT $2`, [tsquery, rankCap + 1]);
    const capped = found.length > rankCap;
    if (capped) found.pop();
    const ranked = found.sort((a, b) => b.rank - a.rank || b.seq - a.seq).slice(0, limit);
    if (ranked.length === 0) return { items: [], capped };
    const rows = await db.read<{ seq: number; id: string; name: string; title: string | null; text: string | null; raw: Buffer | null }>(
      `SELECT d.seq, d.id, d.name, d.title, t.text, t.raw FROM documents d JOIN texts t ON t.doc_seq = d.seq WHERE d.seq = ANY($1::bigint[])`,
      [ranked.map((r) => r.seq)]);
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    const items = ranked.flatMap(({ seq, rank }): SearchHit[] => {
      const d = bySeq.get(seq);
      if (d === undefined) return [];
      return [{ documentId: d.id, name: d.name, title: d.title, score: rank, snippet: snippet(textOf(d), highlight) }];
    });
    return { items, capped };
  };
}
