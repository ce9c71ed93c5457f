/**
 * What paging a row set learns, kept until the set changes: how many rows a query matches, and
 * where every ANCHOR_STEP-th of them sits in `(ord, key)` order. A page deep in a set then starts
 * at the anchor before it instead of walking the index from the first row: at 1M bench reports
 * the timeline's page at offset 1,000,000 walked a million index entries (~90 ms) and its total
 * counted 1.4M (~55 ms) on every request. The first request that goes deeper than any before
 * walks the distance once, leaving anchors behind; a write to the set forgets them.
 */
import type { Database } from 'better-sqlite3';

/** Rows between two anchors: a page at offset O walks at most this many entries past its anchor. */
export const ANCHOR_STEP = 4096;
/** Queries remembered per set before the set's memo starts again (one a figure value's mentions: millions of distinct queries). */
const MAX_QUERIES = 2000;

/** A query's position: the `(ord, key)` of a row. */
export type Anchor = readonly [ord: number, key: string];

/** One query's memo: its count once read; anchors[i] the row at offset (i + 1) · ANCHOR_STEP; `end` once the set ran out. */
export interface QueryMemo {
  count?: number;
  anchors: Anchor[];
  end: boolean;
}

/** Memos by set and query, valid while no connection has committed to the database since they were made but through `forget`. */
export class PageMemo {
  private version: number | null = null;
  private readonly sets = new Map<string, Map<string, QueryMemo>>();
  private readonly dataVersion: () => number;

  constructor(private readonly db: Database) {
    // Changes when another connection (another process, a writer thread) commits; this one's own writes call `forget`.
    const stmt = db.prepare('PRAGMA data_version').pluck();
    this.dataVersion = () => stmt.get() as number;
  }

  /** The memo of a query of a set, empty when the database changed since; inside a transaction, one kept for this call alone (the transaction may roll back). */
  of(set: string, query: string): QueryMemo {
    if (this.db.inTransaction) return { anchors: [], end: false };
    const v = this.dataVersion();
    if (v !== this.version) {
      this.sets.clear();
      this.version = v;
    }
    let queries = this.sets.get(set);
    if (queries === undefined) this.sets.set(set, (queries = new Map()));
    let memo = queries.get(query);
    if (memo === undefined) {
      if (queries.size >= MAX_QUERIES) queries.clear();
      queries.set(query, (memo = { anchors: [], end: false }));
    }
    return memo;
  }

  /** A set was written through this connection. */
  forget(set: string): void {
    this.sets.delete(set);
  }
}

/**
 * The anchor at or before `offset` (null: start from the first row), walking from the last one
 * known to it with `next(from)`, the `(ord, key)` of the row ANCHOR_STEP rows on from `from` (the
 * row itself the first of them) or from the first row, or null past the end. 'end': `offset` is
 * past the last row.
 */
export function anchorFor(memo: QueryMemo, offset: number, next: (from: Anchor | null) => Anchor | null): Anchor | null | 'end' {
  const k = Math.floor(offset / ANCHOR_STEP);
  while (memo.anchors.length < k && !memo.end) {
    const last = memo.anchors.at(-1) ?? null;
    const found = next(last);
    if (found === null) memo.end = true;
    else memo.anchors.push(found);
  }
  if (k === 0) return null;
  return memo.anchors.length >= k ? memo.anchors[k - 1]! : 'end';
}
