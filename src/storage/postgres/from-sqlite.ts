/**
 * `crosscheck migrate --from crosscheck.db --to postgres://…`: a SQLite archive copied whole into an
 * empty PostgreSQL database (originals, extractions, derived parts, reconciled rows, reviews, the
 * audit log, tokens), row numbers and ids kept, in one transaction; then verified table by table
 * by row counts and a sha256 over the rows read back, and every original against its sha256.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import type { Logger } from '../../domain/logger.js';
import { silentLogger } from '../../domain/logger.js';
import { MIGRATIONS } from '../sqlite/migrations/index.js';
import { rowJson } from '../sqlite/record-rows.js';
import { bandKeyIndex } from '../sqlite/derived.js';
import { Db } from './db.js';
import type { Queryable } from './db.js';
import { toStoreError } from './errors.js';
import { migratePg } from './migrate.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { placeholders, textCells, textOf } from './rows.js';
import { documentVector } from './text-index.js';

/** A table copied as it is: its columns (the same names on both sides) and its key order. */
interface Table { name: string; columns: string[]; order: string; identity?: string }

const TABLES: Table[] = [
  { name: 'documents', columns: ['seq', 'id', 'sha256', 'name', 'path', 'format', 'title', 'publisher', 'author', 'published', 'url', 'language', 'inferred', 'page_starts', 'byte_length', 'ingested_at'], order: 'seq', identity: 'seq' },
  { name: 'texts', columns: ['doc_seq', 'text'], order: 'doc_seq' },
  { name: 'originals', columns: ['doc_seq', 'bytes'], order: 'doc_seq' },
  { name: 'versions', columns: ['path', 'version', 'doc_seq', 'ingested_at'], order: 'doc_seq' },
  { name: 'counts', columns: ['doc_seq', 'ordinal', 'measure', 'grp', 'unit', 'subject', 'min', 'max', 'approximate', 'attr_text', 'attr_source', 'attr_start', 'attr_end', 'attr_kind', 'span_start', 'span_end', 'quote', 'sentence_start', 'sentence_end', 'part_of'], order: 'doc_seq, ordinal' },
  { name: 'dates', columns: ['doc_seq', 'ordinal', 'value', 'span_start', 'span_end', 'quote', 'relative'], order: 'doc_seq, ordinal' },
  { name: 'meta', columns: ['key', 'value'], order: 'key' },
  { name: 'records', columns: ['key', 'value', 'parts', 'updated_at'], order: 'key' },
  { name: 'record_parts', columns: ['key', 'part', 'value'], order: 'key, part' },
  { name: 'reviews', columns: ['id', 'doc_seq', 'kind', 'span_start', 'span_end', 'item', 'item_key', 'action', 'corrected', 'reason', 'reviewer', 'created_at'], order: 'id', identity: 'id' },
  { name: 'audit_log', columns: ['id', 'at', 'who', 'action', 'target', 'before_json', 'after_json', 'reason'], order: 'id', identity: 'id' },
  { name: 'tokens', columns: ['id', 'name', 'hash', 'created_at', 'revoked_at'], order: 'id', identity: 'id' },
  { name: 'review_idempotency', columns: ['reviewer', 'key', 'request_hash', 'review_id', 'result_json', 'created_at'], order: 'reviewer, key' },
  { name: 'derived', columns: ['doc_seq', 'part', 'data'], order: 'doc_seq, part' },
  { name: 'signatures', columns: ['doc_seq', 'fingerprint', 'starts', 'ends', 'shingles', 'bands', 'paired'], order: 'doc_seq' },
  { name: 'band_keys', columns: ['k1', 'k2', 'doc_seq'], order: 'k1, k2, doc_seq' },
  { name: 'record_rows', columns: ['set_name', 'key', 'grp', 'tag', 'ord', 'lo', 'hi', 'data'], order: 'set_name, key' },
  { name: 'record_links', columns: ['set_name', 'grp', 'doc_seq'], order: 'set_name, grp, doc_seq' },
];

/** Rows per INSERT and per read page. */
const PAGE = 500;

/** What was copied: rows per table, and that every check held. */
export interface MigrateSummary {
  tables: Record<string, { rows: number; sha256: string }>;
  originalsVerified: number;
}

/** One value as both sides hash it: bytes as hex, flags as 0/1, keys sorted by code point on both sides. */
function norm(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return v.toString('hex');
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** A running sha256 over rows in key order. */
function rowHasher() {
  const h = createHash('sha256');
  let rows = 0;
  return { add: (row: unknown[]) => { h.update(JSON.stringify(row.map(norm))); h.update('\n'); rows++; }, done: () => ({ rows, sha256: h.digest('hex') }) };
}

/** The SQLite rows of a table in key order (BINARY: by code point, as "C" below). */
function* sqliteRows(src: Database.Database, t: Table): Generator<unknown[]> {
  if (t.name === 'record_rows') {
    // A row stored deflated (SQLite's migration 8) moves as its JSON: PostgreSQL compresses long values itself.
    const stmt = src.prepare(`SELECT ${t.columns.join(', ')}, zdata FROM ${t.name} ORDER BY ${t.order}`).raw();
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      const zdata = row.pop() as Buffer | null;
      if (zdata !== null) row[row.length - 1] = rowJson({ data: '', zdata });
      yield row;
    }
    return;
  }
  const stmt = src.prepare(`SELECT ${t.columns.join(', ')} FROM ${t.name} ORDER BY ${t.order}`).raw();
  yield* stmt.iterate() as Iterable<unknown[]>;
}

/** The PostgreSQL select that gives the same values back. */
function pgSelect(t: Table): string {
  const cols = t.columns.map((c) => {
    if (t.name === 'texts' && c === 'text') return 'text, raw';
    if (['corrected', 'before_json', 'after_json'].includes(c)) return `${c}::text`;
    if (t.name === 'signatures' && c === 'paired') return 'paired::int';
    return c;
  });
  // Text keys in code point order, as SQLite's BINARY collation sorts them.
  const numeric = new Set(['seq', 'doc_seq', 'ordinal', 'id', 'k1', 'k2', 'version', ...(t.name === 'record_parts' ? ['part'] : [])]);
  const order = t.order.split(', ').map((c) => (numeric.has(c) ? c : `${c} COLLATE "C"`)).join(', ');
  return `SELECT ${cols.join(', ')} FROM ${t.name} ORDER BY ${order}`;
}

/** Rows as PostgreSQL takes them: a text with a NUL as bytes, flags as booleans. */
function toPg(t: Table, row: unknown[]): { columns: string[]; values: unknown[] } {
  if (t.name === 'texts') return { columns: ['doc_seq', 'text', 'raw'], values: [row[0], ...textCells(String(row[1]))] };
  if (t.name === 'signatures') return { columns: t.columns, values: row.map((v, i) => (i === 6 ? v === 1 : v)) };
  return { columns: t.columns, values: row.map((v) => (typeof v === 'bigint' ? Number(v) : v)) };
}

async function insert(c: Queryable, t: Table, rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const shaped = rows.map((r) => toPg(t, r));
  const columns = shaped[0]!.columns;
  const width = columns.length;
  await c.query(`INSERT INTO ${t.name} (${columns.join(', ')}) ${t.identity ? 'OVERRIDING SYSTEM VALUE ' : ''}VALUES ${shaped.map((_, k) => placeholders(width, k * width)).join(', ')}`, shaped.flatMap((s) => s.values));
}

/** Copies the SQLite archive at `from` into the empty PostgreSQL database at `to`, then verifies it. */
export async function migrateSqliteToPostgres(from: string, to: string, opts: { logger?: Logger } = {}): Promise<MigrateSummary> {
  const logger = opts.logger ?? silentLogger;
  let src: Database.Database;
  try {
    src = new Database(from, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new AppError('E_NOT_FOUND', `Could not open the SQLite archive ${from}`, { cause: e });
  }
  const db = new Db(to, logger, 2);
  try {
    const version = src.pragma('user_version', { simple: true });
    if (version !== MIGRATIONS.length) {
      throw new AppError('E_STORE', `${from} has schema version ${String(version)}; open it once with this crosscheck (any command that writes) before migrating`);
    }
    if (bandKeyIndex(src).pending()) {
      // Reports stored since the last reconcile have their band keys in their signatures only:
      // indexed first, so that PostgreSQL's index (written a report at a time) holds them all.
      src.close();
      const w = new Database(from, { fileMustExist: true });
      try { bandKeyIndex(w).indexAll(); } finally { w.close(); }
      src = new Database(from, { readonly: true, fileMustExist: true });
    }
    await migratePg(db, PG_MIGRATIONS, logger).catch((e: unknown) => { throw toStoreError(e, 'the PostgreSQL schema'); });
    const expected: MigrateSummary['tables'] = {};
    await db.tx('the migrated archive', async (c) => {
      const used = (await c.query<{ n: number }>('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM record_rows) AS n')).rows[0]!.n;
      if (used > 0) throw new AppError('E_CONFLICT', 'The PostgreSQL database already holds an archive; migrate into an empty one');
      for (const t of TABLES) {
        const hash = rowHasher();
        let page: unknown[][] = [];
        for (const row of sqliteRows(src, t)) {
          hash.add(row);
          page.push(row);
          if (page.length >= PAGE) { await insert(c, t, page); page = []; }
        }
        await insert(c, t, page);
        expected[t.name] = hash.done();
        if (t.identity) await c.query(`SELECT setval(pg_get_serial_sequence('${t.name}', '${t.identity}'), coalesce((SELECT max(${t.identity}) FROM ${t.name}), 0) + 1, false)`);
        logger.info('copied table', { table: t.name, rows: expected[t.name]!.rows });
      }
      // The full-text index is built from the texts as the PostgreSQL store builds it.
      let after = 0;
      for (;;) {
        const rows = (await c.query<{ seq: number; title: string | null; text: string | null; raw: Buffer | null }>(
          'SELECT d.seq, d.title, t.text, t.raw FROM documents d JOIN texts t ON t.doc_seq = d.seq WHERE d.seq > $1 ORDER BY d.seq LIMIT $2', [after, PAGE])).rows;
        for (const r of rows) await c.query('INSERT INTO documents_fts (doc_seq, terms) VALUES ($1, $2::tsvector)', [r.seq, documentVector(r.title, textOf(r))]);
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]!.seq;
      }
    });
    return await verify(db, expected);
  } finally {
    src.close();
    await db.close();
  }
}

/** Reads every copied table back and compares its count and hash; checks every original against its sha256. */
async function verify(db: Db, expected: MigrateSummary['tables']): Promise<MigrateSummary> {
  for (const t of TABLES) {
    const hash = rowHasher();
    for (const row of await db.read(pgSelect(t))) {
      const values = Object.values(row);
      hash.add(t.name === 'texts' ? [values[0], textOf({ text: values[1] as string | null, raw: values[2] as Buffer | null })] : values);
    }
    const got = hash.done();
    const want = expected[t.name]!;
    if (got.rows !== want.rows || got.sha256 !== want.sha256) {
      throw new AppError('E_STORE', `Verification failed for ${t.name}: ${want.rows} rows copied, ${got.rows} read back${got.rows === want.rows ? ' with other contents' : ''}`);
    }
  }
  const [bad] = await db.read<{ n: number; all: number }>(`SELECT count(*) FILTER (WHERE encode(sha256(o.bytes), 'hex') <> d.sha256) AS n, count(*) AS all
    FROM originals o JOIN documents d ON d.seq = o.doc_seq`);
  if (bad!.n > 0) throw new AppError('E_STORE', `Verification failed: ${bad!.n} originals do not match their sha256`);
  return { tables: expected, originalsVerified: bad!.all };
}
