/** Reconciled state as keyed rows in named sets: written per change, read by index and by page. */
import type { Database } from 'better-sqlite3';
import type { RowChange, RowQuery, StoredRow } from '../row-types.js';

interface Row {
  key: string;
  grp: string | null;
  tag: string | null;
  ord: number;
  lo: string | null;
  hi: string | null;
  data: string;
}

/** The WHERE clause and parameters of a query (values bound, never spliced). */
function where(set: string, q: RowQuery): { sql: string; params: unknown[] } {
  const parts = ['set_name = ?'];
  const params: unknown[] = [set];
  if (q.key !== undefined) { parts.push('key = ?'); params.push(q.key); }
  if (q.keys !== undefined) { parts.push(`key IN (SELECT value FROM json_each(?))`); params.push(JSON.stringify(q.keys)); }
  if (q.group !== undefined) { parts.push('grp = ?'); params.push(q.group); }
  if (q.groups !== undefined) { parts.push(`grp IN (SELECT value FROM json_each(?))`); params.push(JSON.stringify(q.groups)); }
  if (q.tag !== undefined) { parts.push('tag = ?'); params.push(q.tag); }
  if (q.tags !== undefined) { parts.push(`tag IN (SELECT value FROM json_each(?))`); params.push(JSON.stringify(q.tags)); }
  if (q.hiFrom !== undefined) { parts.push('hi >= ?'); params.push(q.hiFrom); }
  if (q.loTo !== undefined) { parts.push('lo <= ?'); params.push(q.loTo); }
  return { sql: parts.join(' AND '), params };
}

/** Statements for the row sets. */
export function prepareRowWriter(db: Database) {
  const put = db.prepare<[string, string, string | null, string | null, number, string | null, string | null, string]>(
    'INSERT OR REPLACE INTO record_rows (set_name, key, grp, tag, ord, lo, hi, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const clearAll = db.prepare<[string]>('DELETE FROM record_rows WHERE set_name = ?');
  const clearKey = db.prepare<[string, string]>('DELETE FROM record_rows WHERE set_name = ? AND key = ?');
  const existing = db.prepare<[string], Row>('SELECT key, grp, tag, ord, lo, hi, data FROM record_rows WHERE set_name = ?');
  const same = (r: Row, n: { grp: string | null; tag: string | null; ord: number; lo: string | null; hi: string | null; data: string }) =>
    r.grp === n.grp && r.tag === n.tag && r.ord === n.ord && r.lo === n.lo && r.hi === n.hi && r.data === n.data;
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
    return stmt(`SELECT key, grp, tag, ord, lo, hi, data FROM record_rows WHERE ${w.sql}`).all(...w.params) as Row[];
  };
  /** Applies changes in order; must run inside a transaction. */
  const apply = (changes: readonly RowChange[]): void => {
    for (const c of changes) {
      if (c.clear !== undefined && c.clear !== 'all') {
        // Rewriting rows costs far more than reading them: write only what differs from the
        // rows the clear would remove, and remove those not written again.
        const before = new Map(inScope(c.set, c.clear).map((r) => [r.key, r]));
        for (const r of c.rows ?? []) {
          const n = { grp: r.group ?? null, tag: r.tag ?? null, ord: r.ord ?? 0, lo: r.lo ?? null, hi: r.hi ?? null, data: JSON.stringify(r.data) };
          const old = before.get(r.key);
          before.delete(r.key);
          if (old === undefined || !same(old, n)) put.run(c.set, r.key, n.grp, n.tag, n.ord, n.lo, n.hi, n.data);
        }
        for (const key of before.keys()) clearKey.run(c.set, key);
        continue;
      }
      if (c.clear === 'all') clearAll.run(c.set);
      for (const r of c.rows ?? []) {
        put.run(c.set, r.key, r.group ?? null, r.tag ?? null, r.ord ?? 0, r.lo ?? null, r.hi ?? null, JSON.stringify(r.data));
      }
    }
  };
  const tx = db.transaction(apply);
  return {
    apply,
    /** Applies changes in one IMMEDIATE transaction. */
    put: (changes: readonly RowChange[]): void => tx.immediate(changes),
    get<T>(set: string, q: RowQuery = {}): Array<StoredRow<T>> {
      const w = where(set, q);
      const page = q.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(q.limit))} OFFSET ${Math.max(0, Math.floor(q.offset ?? 0))}`
        : q.offset ? ` LIMIT -1 OFFSET ${Math.max(0, Math.floor(q.offset))}` : '';
      const rows = stmt(`SELECT key, grp, tag, ord, lo, hi, data FROM record_rows WHERE ${w.sql} ORDER BY ord, key${page}`).all(...w.params) as Row[];
      return rows.map((r) => ({ key: r.key, group: r.grp, tag: r.tag, ord: r.ord, lo: r.lo, hi: r.hi, data: JSON.parse(r.data) as T }));
    },
    count(set: string, q: RowQuery = {}): number {
      const w = where(set, q);
      return (stmt(`SELECT count(*) AS n FROM record_rows WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
    },
  };
}

/** What `prepareRowWriter` returns. */
export type RowWriter = ReturnType<typeof prepareRowWriter>;
