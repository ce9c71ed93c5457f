/** Reconciled state as keyed rows in named sets: written per change, read by index and by page. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ANCHOR_STEP, PageMemo, anchorFor, type Anchor } from './page-memo.js';
import { isLinkChange, type Change, type LinkChange, type RowChange, type RowInput, type RowQuery, type StoredRow } from '../row-types.js';

interface Row {
  key: string;
  grp: string | null;
  tag: string | null;
  ord: number;
  lo: string | null;
  hi: string | null;
  data: string;
  /** The JSON deflated, `data` then empty (migration 8); null for a row kept as JSON. */
  zdata: Buffer | null;
}

/**
 * Rows whose JSON has this many characters or more are stored deflated: measured on the 100k
 * bench record, timeline entries (2 KB on average) deflate to 0.26 of their bytes, figures
 * (4.4 KB) to 0.22, checks (1.1 KB) to 0.38, at some 50-100 µs a row to write and 30-50 µs to
 * read; a short row (a mention, 120 bytes) gains little and pays the same per call.
 */
export const DEFLATE_FROM = 512;

/** A row's data as stored: JSON, or deflated JSON when it is long. */
export function encodeData(data: unknown): { data: string; zdata: Buffer | null } {
  const json = JSON.stringify(data);
  return json.length < DEFLATE_FROM ? { data: json, zdata: null } : { data: '', zdata: deflateRawSync(json, { level: 1 }) };
}

/** A stored row's JSON, inflated where it was deflated. */
export function rowJson(r: { data: string; zdata: Buffer | null }): string {
  return r.zdata === null ? r.data : inflateRawSync(r.zdata).toString('utf8');
}

const COLUMNS = 'key, grp, tag, ord, lo, hi, data, zdata';

/** Rows by key (by code unit, as SQLite's BINARY collation for these keys), stably; a short list as it is. */
function sortedByKey(rows: readonly RowInput[]): readonly RowInput[] {
  if (rows.length < 64) return rows;
  return [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Links as (group, document row) pairs by group, then row: inserts then walk the index's pages in turn, each group's new links at its end. */
function sortedLinks(links: ReadonlyArray<readonly [string, number]>): ReadonlyArray<readonly [string, number]> {
  if (links.length < 64) return links;
  return [...links].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
}

/**
 * The FROM and WHERE clauses and parameters of a query (values bound, never spliced). A list of
 * keys, groups or tags drives the query, each looked up in its index: left to the planner, an
 * IN list with `ORDER BY ord` was read by walking the whole set in `ord` order when the table
 * had no statistics yet (as through a first build): 0.34 s for 500 keys of the million rows of
 * a set at 1M bench reports, 2 ms when driven by the list.
 */
function where(set: string, q: RowQuery): { from: string; sql: string; params: unknown[] } {
  // A page of the rows of several tags (figures of the shown measures: 63% of them) is read in
  // order from the ord index, which holds the tag: driven by the tags, every one of their rows
  // was sorted for each page.
  const inOrder = q.limit !== undefined && q.keys === undefined && q.groups === undefined && (q.tags?.length ?? 0) > 1;
  const lead: readonly [string, readonly string[]] | null = q.keys !== undefined ? ['key', q.keys] : q.groups !== undefined ? ['grp', q.groups] : q.tags !== undefined && !inOrder ? ['tag', q.tags] : null;
  const parts = ['r.set_name = ?'];
  const params: unknown[] = [];
  let from = inOrder ? 'record_rows r INDEXED BY record_rows_ord' : 'record_rows r';
  if (lead !== null) {
    from = '(SELECT DISTINCT value AS v FROM json_each(?)) j CROSS JOIN record_rows r';
    params.push(JSON.stringify(lead[1]));
    parts.push(`r.${lead[0]} = j.v`);
  }
  params.push(set);
  if (q.key !== undefined) { parts.push('r.key = ?'); params.push(q.key); }
  if (q.keys !== undefined && lead?.[0] !== 'key') { parts.push(`r.key IN (SELECT value FROM json_each(?))`); params.push(JSON.stringify(q.keys)); }
  if (q.group !== undefined) { parts.push('r.grp = ?'); params.push(q.group); }
  if (q.groups !== undefined && lead?.[0] !== 'grp') { parts.push(`r.grp IN (SELECT value FROM json_each(?))`); params.push(JSON.stringify(q.groups)); }
  if (q.tag !== undefined) { parts.push('r.tag = ?'); params.push(q.tag); }
  if (q.tags !== undefined && lead?.[0] !== 'tag') { parts.push(`r.tag IN (SELECT value FROM json_each(?))`); params.push(JSON.stringify(q.tags)); }
  if (q.hiFrom !== undefined) { parts.push('r.hi >= ?'); params.push(q.hiFrom); }
  if (q.loTo !== undefined) { parts.push('r.lo <= ?'); params.push(q.loTo); }
  return { from, sql: parts.join(' AND '), params };
}

/** Statements for the row sets. */
export function prepareRowWriter(db: Database) {
  const insert = db.prepare<[string, string, string | null, string | null, number, string | null, string | null, string, Buffer | null]>(
    'INSERT OR REPLACE INTO record_rows (set_name, key, grp, tag, ord, lo, hi, data, zdata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const put = (set: string, key: string, n: Omit<Row, 'key'>) => insert.run(set, key, n.grp, n.tag, n.ord, n.lo, n.hi, n.data, n.zdata);
  const clearAll = db.prepare<[string]>('DELETE FROM record_rows WHERE set_name = ?');
  const clearKey = db.prepare<[string, string]>('DELETE FROM record_rows WHERE set_name = ? AND key = ?');
  const existing = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM record_rows WHERE set_name = ?`);
  // Deflating is deterministic: the same JSON gives the same bytes (a row stored as JSON before
  // migration 8, or by another zlib, is written again once).
  const same = (r: Row, n: Omit<Row, 'key'>) =>
    r.grp === n.grp && r.tag === n.tag && r.ord === n.ord && r.lo === n.lo && r.hi === n.hi && r.data === n.data
    && (r.zdata === null ? n.zdata === null : n.zdata !== null && r.zdata.equals(n.zdata));
  const cache = new Map<string, import("better-sqlite3").Statement<unknown[]>>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (s === undefined) { s = db.prepare<unknown[]>(sql); cache.set(sql, s); }
    return s;
  };
  /** The stored rows a clear would remove (every row of the set for `replace`). */
  const inScope = (set: string, clear: Exclude<RowChange['clear'], 'all' | undefined>): Row[] => {
    if (clear === 'replace') return existing.all(set);
    const q = 'groups' in clear ? { groups: clear.groups } : 'tags' in clear ? { tags: clear.tags } : { keys: clear.keys };
    const w = where(set, q);
    return stmt(`SELECT ${COLUMNS} FROM ${w.from} WHERE ${w.sql}`).all(...w.params) as Row[];
  };
  // A link names its report by the document's row number: a few bytes rather than an id's sixteen,
  // and a report ingested later sorts after those before it, so a stretch's links land at the
  // end of each group's range instead of on pages all over the index.
  const seqOf = db.prepare<[string], number>('SELECT seq FROM documents WHERE id = ?').pluck();
  const addLink = db.prepare<[string, string, number]>('INSERT OR IGNORE INTO record_links (set_name, grp, doc_seq) VALUES (?, ?, ?)');
  const removeLink = db.prepare<[string, string, number]>('DELETE FROM record_links WHERE set_name = ? AND grp = ? AND doc_seq = ?');
  const clearLinks = db.prepare<[string]>('DELETE FROM record_links WHERE set_name = ?');
  const LINK = 'SELECT l.grp, d.id FROM record_links l JOIN documents d ON d.seq = l.doc_seq WHERE l.set_name = ?';
  const allLinks = db.prepare<[string], { grp: string; id: string }>(`${LINK} ORDER BY l.grp, l.doc_seq`);
  const groupLinks = db.prepare<[string, string], { grp: string; id: string }>(`${LINK} AND l.grp IN (SELECT value FROM json_each(?)) ORDER BY l.grp, l.doc_seq`);
  /** The links with their documents' row numbers; `strict`: an unknown report is an error, else its link is left out. */
  const numbered = (links: ReadonlyArray<readonly [string, string]>, strict: boolean): Array<readonly [string, number]> => {
    const seqs = new Map<string, number | undefined>();
    const out: Array<readonly [string, number]> = [];
    for (const [group, doc] of links) {
      if (!seqs.has(doc)) seqs.set(doc, seqOf.get(doc));
      const seq = seqs.get(doc);
      if (seq !== undefined) out.push([group, seq]);
      else if (strict) throw new AppError('E_NOT_FOUND', `a link names report ${doc}, which is not stored`);
    }
    return out;
  };
  const applyLinks = (c: LinkChange): void => {
    if (c.clear === 'all') clearLinks.run(c.links);
    for (const [group, seq] of sortedLinks(numbered(c.remove ?? [], false))) removeLink.run(c.links, group, seq);
    for (const [group, seq] of sortedLinks(numbered(c.add ?? [], true))) addLink.run(c.links, group, seq);
  };
  /** Applies changes in order; must run inside a transaction. */
  const apply = (changes: readonly Change[]): void => {
    for (const c of changes) {
      if (isLinkChange(c)) { applyLinks(c); continue; }
      memo.forget(c.set);
      if (c.clear !== undefined && c.clear !== 'all') {
        // Rewriting rows costs far more than reading them: write only what differs from the
        // rows the clear would remove, and remove those not written again.
        const before = new Map(inScope(c.set, c.clear).map((r) => [r.key, r]));
        for (const r of c.rows ?? []) {
          const n = { grp: r.group ?? null, tag: r.tag ?? null, ord: r.ord ?? 0, lo: r.lo ?? null, hi: r.hi ?? null, ...encodeData(r.data) };
          const old = before.get(r.key);
          before.delete(r.key);
          if (old === undefined || !same(old, n)) put(c.set, r.key, n);
        }
        for (const key of before.keys()) clearKey.run(c.set, key);
        continue;
      }
      if (c.clear === 'all') clearAll.run(c.set);
      // In key order (stably: a key given twice keeps its last row), so that the inserts walk the
      // index's pages in turn: a stretch's 168k key-word rows, in report order, landed all over an
      // index of 1.7M at 100k reports and took 2.4 s, 1.7 s sorted.
      for (const r of sortedByKey(c.rows ?? [])) {
        put(c.set, r.key, { grp: r.group ?? null, tag: r.tag ?? null, ord: r.ord ?? 0, lo: r.lo ?? null, hi: r.hi ?? null, ...encodeData(r.data) });
      }
    }
  };
  const tx = db.transaction(apply);
  const memo = new PageMemo(db);
  const memoOf = (set: string, w: ReturnType<typeof where>) => memo.of(set, w.from + w.sql + JSON.stringify(w.params));
  /** The `(ord, key)` of the row ANCHOR_STEP on from `from` (or from the first row) among those `w` selects. */
  const anchorAfter = (w: ReturnType<typeof where>, from: Anchor | null): Anchor | null => {
    const r = stmt(`SELECT r.ord, r.key FROM ${w.from} WHERE ${w.sql}${from ? ' AND (r.ord, r.key) >= (?, ?)' : ''} ORDER BY r.ord, r.key LIMIT 1 OFFSET ${ANCHOR_STEP}`)
      .get(...w.params, ...(from ?? [])) as { ord: number; key: string } | undefined;
    return r === undefined ? null : [r.ord, r.key];
  };
  /** A page from its offset: from the anchor before it, the rest of the way by index. */
  const pageOf = (set: string, w: ReturnType<typeof where>, limit: number, offset: number): Row[] => {
    const inner = (cond: string, skip: number) =>
      `SELECT ${COLUMNS} FROM record_rows WHERE rowid IN (SELECT r.rowid FROM ${w.from} WHERE ${w.sql}${cond} ORDER BY r.ord, r.key LIMIT ${limit} OFFSET ${skip}) ORDER BY ord, key`;
    const at = offset < ANCHOR_STEP ? null : anchorFor(memoOf(set, w), offset, (from) => anchorAfter(w, from));
    if (at === 'end') return [];
    if (at === null) return stmt(inner('', offset)).all(...w.params) as Row[];
    return stmt(inner(' AND (r.ord, r.key) >= (?, ?)', offset % ANCHOR_STEP)).all(...w.params, ...at) as Row[];
  };
  return {
    apply,
    /** Applies changes in one IMMEDIATE transaction. */
    put: (changes: readonly Change[]): void => tx.immediate(changes),
    get<T>(set: string, q: RowQuery = {}): Array<StoredRow<T>> {
      const w = where(set, q);
      const offset = Math.max(0, Math.floor(q.offset ?? 0));
      // A page is found in the index alone (its order and filters are the index's columns), and only
      // its rows are read: the rows skipped to reach an offset were each read from the table.
      const rows = q.limit !== undefined || offset > 0 ? pageOf(set, w, q.limit !== undefined ? Math.max(0, Math.floor(q.limit)) : -1, offset)
        : stmt(`SELECT ${COLUMNS} FROM ${w.from} WHERE ${w.sql} ORDER BY r.ord, r.key`).all(...w.params) as Row[];
      return rows.map((r) => ({ key: r.key, group: r.grp, tag: r.tag, ord: r.ord, lo: r.lo, hi: r.hi, data: JSON.parse(rowJson(r)) as T }));
    },
    links(set: string, groups?: readonly string[]): Array<[string, string]> {
      const rows = groups === undefined ? allLinks.all(set) : groups.length ? groupLinks.all(set, JSON.stringify(groups)) : [];
      return rows.map((r) => [r.grp, r.id]);
    },
    count(set: string, q: RowQuery = {}): number {
      const w = where(set, q);
      const m = memoOf(set, w);
      m.count ??= (stmt(`SELECT count(*) AS n FROM ${w.from} WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
      return m.count;
    },
  };
}

/** What `prepareRowWriter` returns. */
export type RowWriter = ReturnType<typeof prepareRowWriter>;
