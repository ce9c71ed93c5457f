/** The reads: documents, originals, listings, versions, extractions, stats. */
import { AppError } from '../../domain/errors.js';
import type { Extraction } from '../../domain/types.js';
import type { DocumentPage, DocumentSummary, ListOptions, StoreStats, StoredDocument, StoredText, VersionEntry } from '../store.js';
import { COUNT_COLUMNS, toCount, toDate, toStoredDocument, toSummary } from '../sqlite/rows.js';
import type { CountRow, DateRow, DocRow } from '../sqlite/rows.js';
import type { Db } from './db.js';
import { DOC_COLUMNS, FROM_DOCS, NOT_SUPERSEDED, textOf } from './rows.js';
import type { TextCells } from './rows.js';

type TextRow = DocRow & TextCells;

/** A documents row with its text columns made into the one text the converters read. */
export const withText = (row: TextRow): DocRow => ({ ...row, text: textOf(row) });

/** Read queries over the pool. */
export function prepareReader(db: Db) {
  return {
    /** The internal row number of a document id, or undefined. */
    async seqOf(id: string): Promise<number | undefined> {
      return (await db.read<{ seq: number }>('SELECT seq FROM documents WHERE id = $1', [id]))[0]?.seq;
    },

    /** True when these bytes are stored. */
    async hasSha256(sha256: string): Promise<boolean> {
      return (await db.read('SELECT 1 FROM documents WHERE sha256 = $1', [sha256])).length > 0;
    },

    /** Listing items of some documents (counts and dates left at 0), in ingestion order. */
    async summaries(ids: readonly string[]): Promise<DocumentSummary[]> {
      const rows = await db.read<DocRow>(`SELECT ${DOC_COLUMNS} ${FROM_DOCS} WHERE d.id = ANY($1::text[]) ORDER BY d.seq`, [ids]);
      return rows.map(toSummary);
    },

    /** A document with its text. */
    async getDocument(id: string): Promise<StoredDocument | null> {
      const [row] = await db.read<TextRow>(`SELECT ${DOC_COLUMNS}, t.text, t.raw, d.page_starts ${FROM_DOCS} JOIN texts t ON t.doc_seq = d.seq WHERE d.id = $1`, [id]);
      return row ? toStoredDocument(withText(row)) : null;
    },

    /** The original bytes as a plain Uint8Array (a Buffer would fail deep equality with one). */
    async getOriginal(id: string): Promise<Uint8Array | null> {
      const [row] = await db.read<{ bytes: Buffer }>('SELECT o.bytes FROM originals o JOIN documents d ON d.seq = o.doc_seq WHERE d.id = $1', [id]);
      return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
    },

    /** Counts and dates in their original order. */
    async getExtraction(id: string): Promise<Extraction | null> {
      const seq = await this.seqOf(id);
      if (seq === undefined) return null;
      const counts = await db.read<CountRow>(`SELECT ${COUNT_COLUMNS} FROM counts WHERE doc_seq = $1 ORDER BY ordinal`, [seq]);
      const dates = await db.read<DateRow>('SELECT value, span_start, span_end, quote, relative FROM dates WHERE doc_seq = $1 ORDER BY ordinal', [seq]);
      return { counts: counts.map(toCount), dates: dates.map(toDate) };
    },

    /** Up to `limit` texts after row `afterSeq`, for paging through all of them. */
    async textsAfter(afterSeq: number, limit: number): Promise<Array<StoredText & { seq: number }>> {
      const rows = await db.read<TextRow>(`SELECT ${DOC_COLUMNS}, t.text, t.raw ${FROM_DOCS} JOIN texts t ON t.doc_seq = d.seq
        WHERE d.seq > $1 ORDER BY d.seq LIMIT $2`, [afterSeq, limit]);
      return rows.map((row) => {
        const doc = toStoredDocument(withText(row));
        return { seq: row.seq, id: doc.id, text: doc.text, meta: doc.meta };
      });
    },

    /** Every version of a path, oldest first. */
    async listVersions(path: string): Promise<VersionEntry[]> {
      const rows = await db.read<{ path: string; version: number; id: string; ingested_at: string }>(
        'SELECT v.path, v.version, d.id, v.ingested_at FROM versions v JOIN documents d ON d.seq = v.doc_seq WHERE v.path = $1 ORDER BY v.version', [path]);
      return rows.map((r) => ({ path: r.path, version: r.version, documentId: r.id, ingestedAt: r.ingested_at }));
    },

    /** Id, sha256, unique id prefix, then the current document at a name or path. */
    async resolveId(ref: string): Promise<string | null> {
      const [exact] = await db.read<{ id: string }>('SELECT id FROM documents WHERE id = $1 OR sha256 = $1 LIMIT 1', [ref]);
      if (exact) return exact.id;
      if (ref.length >= 4 && !/[*?[\]]/.test(ref)) {
        const like = `${ref.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const ids = await db.read<{ id: string }>('SELECT id FROM documents WHERE id LIKE $1 LIMIT 2', [like]);
        if (ids.length === 1) return ids[0]!.id;
        if (ids.length > 1) throw new AppError('E_CONFLICT', `"${ref}" matches more than one document id; give more of it`);
      }
      const named = await db.read<{ id: string }>(`SELECT d.id ${FROM_DOCS} WHERE d.name = $1 AND ${NOT_SUPERSEDED}
        UNION SELECT d.id ${FROM_DOCS} WHERE v.path = $1 AND ${NOT_SUPERSEDED} LIMIT 2`, [ref]);
      if (named.length > 1) throw new AppError('E_CONFLICT', `"${ref}" names more than one document; use its path or id`);
      return named[0]?.id ?? null;
    },

    /** Sizes of what is stored. */
    async stats(): Promise<StoreStats> {
      const [s] = await db.read<StoreStats & { schemaVersion: number | null }>(`SELECT
        (SELECT count(*) FROM documents) AS documents, (SELECT count(DISTINCT path) FROM versions) AS paths,
        (SELECT count(*) FROM counts) AS counts, (SELECT count(*) FROM dates) AS dates,
        (SELECT coalesce(sum(byte_length), 0) FROM documents) AS bytes,
        (SELECT max(version) FROM schema_migrations) AS "schemaVersion"`);
      return { ...s!, schemaVersion: s!.schemaVersion ?? 0 };
    },

    /** One page of documents. */
    listDocuments: (options: ListOptions = {}): Promise<DocumentPage> => listDocuments(db, options),
  };
}

/** The reader's type, for the store that holds one. */
export type Reader = ReturnType<typeof prepareReader>;

/** Filters and pages documents; the SQL is built per call because filters come and go. */
async function listDocuments(db: Db, options: ListOptions): Promise<DocumentPage> {
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new AppError('E_BAD_INPUT', `limit must be an integer from 1 to 1000, got ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new AppError('E_BAD_INPUT', `offset must be a whole number, got ${offset}`);
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.publisher !== undefined) {
    params.push(options.publisher);
    where.push(`d.publisher = $${params.length}`);
  }
  if (options.q) {
    // ILIKE: case-insensitive as SQLite's LIKE; backslash escapes % and _.
    params.push(`%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    const path = options.qMatchesPath === false ? '' : ` OR d.path ILIKE ${p}`;
    where.push(`(d.name ILIKE ${p}${path} OR d.title ILIKE ${p})`);
  }
  if (options.currentOnly) where.push(NOT_SUPERSEDED);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counted = options.publisher === undefined && !options.q ? 'FROM versions v' : FROM_DOCS;
  const [total] = await db.read<{ n: number }>(`SELECT count(*) AS n ${counted} ${filter}`, params);
  const rows = await db.read<DocRow>(`SELECT ${DOC_COLUMNS},
      (SELECT count(*) FROM counts c WHERE c.doc_seq = d.seq) AS counts,
      (SELECT count(*) FROM dates t WHERE t.doc_seq = d.seq) AS dates
    ${FROM_DOCS} ${filter} ORDER BY d.seq LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset]);
  return { total: total!.n, items: rows.map(toSummary) };
}
