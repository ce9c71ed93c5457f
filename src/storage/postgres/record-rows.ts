/** Reconciled state as keyed rows in named sets: written per change, read by index and by page. */
import { isLinkChange, type Change, type LinkChange, type RowInput, type RowQuery, type StoredRow } from '../row-types.js';
import { AppError } from '../../domain/errors.js';
import type { Db, Queryable } from './db.js';

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
  const params: unknown[] = [set];
  const parts = ['set_name = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (q.key !== undefined) add('key = ?', q.key);
  if (q.keys !== undefined) add('key = ANY(?::text[])', q.keys);
  if (q.group !== undefined) add('grp = ?', q.group);
  if (q.groups !== undefined) add('grp = ANY(?::text[])', q.groups);
  if (q.tag !== undefined) add('tag = ?', q.tag);
  if (q.tags !== undefined) add('tag = ANY(?::text[])', q.tags);
  if (q.hiFrom !== undefined) add('hi >= ?', q.hiFrom);
  if (q.loTo !== undefined) add('lo <= ?', q.loTo);
  return { sql: parts.join(' AND '), params };
}

/** A row input as the stored columns. */
const cellsOf = (r: RowInput): Row => ({ key: r.key, grp: r.group ?? null, tag: r.tag ?? null, ord: r.ord ?? 0, lo: r.lo ?? null, hi: r.hi ?? null, data: JSON.stringify(r.data) });
const same = (a: Row, b: Row) => a.grp === b.grp && a.tag === b.tag && a.ord === b.ord && a.lo === b.lo && a.hi === b.hi && a.data === b.data;

/** Writes rows of one set in one statement; a key given twice keeps its last row (as one INSERT OR REPLACE after another). */
async function upsert(c: Queryable, set: string, rows: readonly Row[]): Promise<void> {
  if (!rows.length) return;
  const last = new Map(rows.map((r) => [r.key, r]));
  const list = [...last.values()];
  await c.query(`INSERT INTO record_rows (set_name, key, grp, tag, ord, lo, hi, data)
    SELECT $1::text, * FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::text[])
    ON CONFLICT (set_name, key) DO UPDATE SET grp = excluded.grp, tag = excluded.tag, ord = excluded.ord,
      lo = excluded.lo, hi = excluded.hi, data = excluded.data`,
  [set, list.map((r) => r.key), list.map((r) => r.grp), list.map((r) => r.tag), list.map((r) => r.ord), list.map((r) => r.lo), list.map((r) => r.hi), list.map((r) => r.data)]);
}

/** Applies a change to a link set (reports named by their documents' row numbers, as SQLite's); must run inside a transaction. */
async function applyLinks(c: Queryable, ch: LinkChange): Promise<void> {
  if (ch.clear === 'all') await c.query('DELETE FROM record_links WHERE set_name = $1', [ch.links]);
  // In slices: one statement's arrays stay a few MB however many links a stretch adds.
  const slices = async (list: ReadonlyArray<readonly [string, string]>, run: (groups: string[], docs: string[]) => Promise<void>) => {
    for (let i = 0; i < list.length; i += 50_000) {
      const part = list.slice(i, i + 50_000);
      await run(part.map((l) => l[0]), part.map((l) => l[1]));
    }
  };
  await slices(ch.remove ?? [], async (groups, docs) => {
    await c.query(`DELETE FROM record_links l USING unnest($2::text[], $3::text[]) AS x (grp, id), documents d
      WHERE l.set_name = $1 AND l.grp = x.grp AND d.id = x.id AND l.doc_seq = d.seq`, [ch.links, groups, docs]);
  });
  await slices(ch.add ?? [], async (groups, docs) => {
    const r = await c.query<{ id: string }>(`SELECT DISTINCT x.id FROM unnest($1::text[]) AS x (id) WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.id)`, [docs]);
    if (r.rows.length) throw new AppError('E_NOT_FOUND', `a link names report ${r.rows[0]!.id}, which is not stored`);
    await c.query(`INSERT INTO record_links (set_name, grp, doc_seq)
      SELECT $1::text, x.grp, d.seq FROM unnest($2::text[], $3::text[]) AS x (grp, id) JOIN documents d ON d.id = x.id
      ORDER BY 2, 3 ON CONFLICT DO NOTHING`, [ch.links, groups, docs]);
  });
}

/** Applies changes in order; must run inside a transaction. */
export async function applyRowChanges(c: Queryable, changes: readonly Change[]): Promise<void> {
  for (const ch of changes) {
    if (isLinkChange(ch)) { await applyLinks(c, ch); continue; }
    if (ch.clear === 'replace') {
      // Rewriting a large set costs far more than reading it: write only what differs.
      const before = new Map((await c.query<Row>('SELECT key, grp, tag, ord, lo, hi, data FROM record_rows WHERE set_name = $1', [ch.set])).rows.map((r) => [r.key, r]));
      const changed: Row[] = [];
      for (const r of ch.rows ?? []) {
        const n = cellsOf(r);
        const old = before.get(r.key);
        before.delete(r.key);
        if (old === undefined || !same(old, n)) changed.push(n);
      }
      await upsert(c, ch.set, changed);
      if (before.size) await c.query('DELETE FROM record_rows WHERE set_name = $1 AND key = ANY($2::text[])', [ch.set, [...before.keys()]]);
      continue;
    }
    if (ch.clear === 'all') await c.query('DELETE FROM record_rows WHERE set_name = $1', [ch.set]);
    else if (ch.clear !== undefined && 'groups' in ch.clear) await c.query('DELETE FROM record_rows WHERE set_name = $1 AND grp = ANY($2::text[])', [ch.set, ch.clear.groups]);
    else if (ch.clear !== undefined && 'tags' in ch.clear) await c.query('DELETE FROM record_rows WHERE set_name = $1 AND tag = ANY($2::text[])', [ch.set, ch.clear.tags]);
    else if (ch.clear !== undefined) await c.query('DELETE FROM record_rows WHERE set_name = $1 AND key = ANY($2::text[])', [ch.set, ch.clear.keys]);
    await upsert(c, ch.set, (ch.rows ?? []).map(cellsOf));
  }
}

/** Reads of the row sets. */
export function prepareRowReader(db: Db) {
  return {
    async get<T>(set: string, q: RowQuery = {}): Promise<Array<StoredRow<T>>> {
      const w = where(set, q);
      const page = q.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(q.limit))} OFFSET ${Math.max(0, Math.floor(q.offset ?? 0))}`
        : q.offset ? ` OFFSET ${Math.max(0, Math.floor(q.offset))}` : '';
      const rows = await db.read<Row>(`SELECT key, grp, tag, ord, lo, hi, data FROM record_rows WHERE ${w.sql} ORDER BY ord, key${page}`, w.params);
      return rows.map((r) => ({ key: r.key, group: r.grp, tag: r.tag, ord: r.ord, lo: r.lo, hi: r.hi, data: JSON.parse(r.data) as T }));
    },
    async links(set: string, groups?: readonly string[]): Promise<Array<[string, string]>> {
      if (groups !== undefined && !groups.length) return [];
      const sql = 'SELECT l.grp, d.id FROM record_links l JOIN documents d ON d.seq = l.doc_seq WHERE l.set_name = $1';
      const rows = groups === undefined
        ? await db.read<{ grp: string; id: string }>(`${sql} ORDER BY l.grp, l.doc_seq`, [set])
        : await db.read<{ grp: string; id: string }>(`${sql} AND l.grp = ANY($2::text[]) ORDER BY l.grp, l.doc_seq`, [set, groups]);
      return rows.map((r) => [r.grp, r.id]);
    },
    async count(set: string, q: RowQuery = {}): Promise<number> {
      const w = where(set, q);
      return (await db.read<{ n: number }>(`SELECT count(*) AS n FROM record_rows WHERE ${w.sql}`, w.params))[0]!.n;
    },
  };
}
