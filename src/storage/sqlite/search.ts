/** Full-text search: bm25 ranking, capped for very common terms, snippets with markers. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import type { SearchHit, SearchOptions, SearchResult } from '../store.js';
import { SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN } from '../snippet.js';
import { explainFtsError, toFtsQuery } from './fts-query.js';

/** Most documents ranked for one query; beyond it only the most recent are ranked. */
export const DEFAULT_RANK_CAP = 2_000;
/** Tokens in a snippet (FTS5 allows up to 64). */
const SNIPPET_TOKENS = 24;

/** Prepare the search statements; `rankCap` bounds the bm25 work for common terms. */
export function prepareSearch(db: Database, rankCap = DEFAULT_RANK_CAP) {
  const fts = 'documents_fts';
  // The most recent cap + 1 candidates with their bm25 rank, sorted here: ranking every match
  // of a very common term is what makes bm25 slow at 100k+ documents.
  const candidates = db.prepare<[string, number], { seq: number; rank: number }>(
    `SELECT rowid AS seq, rank FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ?`);
  // All snippets in one pass over the top hits' rowid range. One MATCH per hit would redo the
  // query's setup per hit, which for a prefix query means merging every matching term again.
  // CASTs: better-sqlite3 binds JS numbers as REAL, and FTS5 ignores a REAL rowid bound.
  // "rowid + 0" keeps the IN list away from FTS5, which would rerun the query once per value.
  const snippets = db.prepare<[string, string, string, string, number, number, string], { seq: number; snippet: string }>(
    `SELECT rowid AS seq, snippet(${fts}, 1, ?, ?, ?, ${SNIPPET_TOKENS}) AS snippet FROM ${fts}
      WHERE ${fts} MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)
        AND rowid + 0 IN (SELECT value FROM json_each(?))`);
  const doc = db.prepare<[number], { id: string; name: string; title: string | null }>(
    'SELECT id, name, title FROM documents WHERE seq = ?');

  return function search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new AppError('E_BAD_INPUT', `limit must be an integer from 1 to 200, got ${limit}`);
    }
    const match = toFtsQuery(query);
    try {
      const found = candidates.all(match, rankCap + 1);
      const capped = found.length > rankCap;
      if (capped) found.pop();
      // Ties go to the more recent report, as with the cap.
      const ranked = found.sort((a, b) => a.rank - b.rank || b.seq - a.seq).slice(0, limit);
      const seqs = ranked.map((r) => r.seq);
      const marked = new Map(seqs.length === 0 ? [] : snippets
        .all(SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, match, Math.min(...seqs), Math.max(...seqs), JSON.stringify(seqs))
        .map((r) => [r.seq, r.snippet]));
      const items = ranked.map(({ seq, rank }): SearchHit => {
        const d = doc.get(seq)!;
        return { documentId: d.id, name: d.name, title: d.title, score: -rank, snippet: marked.get(seq) ?? '' };
      });
      return { items, capped };
    } catch (e) {
      throw explainFtsError(e);
    }
  };
}
