/** The reads: documents, originals, listings, versions, extractions, stats. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import type { Extraction } from '../../domain/types.js';
import type { DocumentPage, ListOptions, StoreStats, StoredDocument, StoredText, VersionEntry } from '../store.js';
import { COUNT_COLUMNS, DOC_COLUMNS, toCount, toDate, toStoredDocument, toSummary } from './rows.js';
import type { CountRow, DateRow, DocRow } from './rows.js';

const FROM_DOCS = 'FROM documents d JOIN versions v ON v.doc_seq = d.seq';
const JOIN_TEXT = 'JOIN texts t ON t.doc_seq = d.seq';
const NOT_SUPERSEDED = 'NOT EXISTS (SELECT 1 FROM versions w WHERE w.path = v.path AND w.version > v.version)';

/** Read queries over one connection, statements prepared once. */
export function prepareReader(db: Database) {
  const seqOf = db.prepare<[string], number>('SELECT seq FROM documents WHERE id = ?').pluck();
  const docById = db.prepare<[string], DocRow>(`SELECT ${DOC_COLUMNS}, t.text, d.page_starts ${FROM_DOCS} ${JOIN_TEXT} WHERE d.id = ?`);
  const original = db.prepare<[string], Buffer>('SELECT o.bytes FROM originals o JOIN documents d ON d.seq = o.doc_seq WHERE d.id = ?').pluck();
  const counts = db.prepare<[number], CountRow>(`SELECT ${COUNT_COLUMNS} FROM counts WHERE doc_seq = ? ORDER BY ordinal`);
  const dates = db.prepare<[number], DateRow>('SELECT value, span_start, span_end, quote, relative FROM dates WHERE doc_seq = ? ORDER BY ordinal');
  const textsAfter = db.prepare<[number, number], DocRow>(`SELECT ${DOC_COLUMNS}, t.text ${FROM_DOCS} ${JOIN_TEXT} WHERE d.seq > ? ORDER BY d.seq LIMIT ?`);
  const versions = db.prepare<[string], { path: string; version: number; id: string; ingested_at: string }>(
    'SELECT v.path, v.version, d.id, v.ingested_at FROM versions v JOIN documents d ON d.seq = v.doc_seq WHERE v.path = ? ORDER BY v.version');
  const byIdOrSha = db.prepare<[string, string], string>('SELECT id FROM documents WHERE id = ? OR sha256 = ? LIMIT 1').pluck();
  const byIdPrefix = db.prepare<[string], string>('SELECT id FROM documents WHERE id GLOB ? LIMIT 2').pluck();
  // A UNION, not an OR, so each side uses its index (documents.name, the versions key).
  const byNameOrPath = db.prepare<[string, string], string>(`SELECT d.id ${FROM_DOCS} WHERE d.name = ? AND ${NOT_SUPERSEDED}
    UNION SELECT d.id ${FROM_DOCS} WHERE v.path = ? AND ${NOT_SUPERSEDED} LIMIT 2`).pluck();
  const summaries = db.prepare<[string], DocRow>(`SELECT ${DOC_COLUMNS} ${FROM_DOCS} WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.seq`);
  const stats = db.prepare<[], Omit<StoreStats, 'schemaVersion'> & { schemaVersion: number | null }>(`SELECT
    (SELECT count(*) FROM documents) AS documents, (SELECT count(DISTINCT path) FROM versions) AS paths,
    (SELECT count(*) FROM counts) AS counts, (SELECT count(*) FROM dates) AS dates,
    (SELECT coalesce(sum(byte_length), 0) FROM documents) AS bytes,
    (SELECT max(version) FROM schema_migrations) AS schemaVersion`);

  return {
    /** The internal row number of a document id, or undefined. */
    seqOf: (id: string): number | undefined => seqOf.get(id),

    /** Listing items of some documents (counts and dates left at 0), in ingestion order. */
    summaries: (ids: readonly string[]) => summaries.all(JSON.stringify(ids)).map(toSummary),

    /** A document with its text. */
    getDocument(id: string): StoredDocument | null {
      const row = docById.get(id);
      return row ? toStoredDocument(row) : null;
    },

    /** The original bytes as a plain Uint8Array (a Buffer would fail deep equality with one). */
    getOriginal(id: string): Uint8Array | null {
      const buf = original.get(id);
      return buf ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : null;
    },

    /** Counts and dates in their original order. */
    getExtraction(id: string): Extraction | null {
      const seq = seqOf.get(id);
      if (seq === undefined) return null;
      return { counts: counts.all(seq).map(toCount), dates: dates.all(seq).map(toDate) };
    },

    /** Up to `limit` texts after row `afterSeq`, for paging through all of them. */
    textsAfter(afterSeq: number, limit: number): Array<StoredText & { seq: number }> {
      return textsAfter.all(afterSeq, limit).map((row) => {
        const doc = toStoredDocument(row);
        return { seq: row.seq, id: doc.id, text: doc.text, meta: doc.meta };
      });
    },

    /** Every version of a path, oldest first. */
    listVersions(path: string): VersionEntry[] {
      return versions.all(path).map((r) => ({ path: r.path, version: r.version, documentId: r.id, ingestedAt: r.ingested_at }));
    },

    /** Id, sha256, unique id prefix, then the current document at a name or path. */
    resolveId(ref: string): string | null {
      const exact = byIdOrSha.get(ref, ref);
      if (exact !== undefined) return exact;
      // GLOB reads its pattern only up to a NUL, so "<id>\0" would find <id>: a ref with a NUL is no prefix.
      if (ref.length >= 4 && !/[*?[\]\0]/.test(ref)) {
        const ids = byIdPrefix.all(`${ref}*`);
        if (ids.length === 1) return ids[0];
        if (ids.length > 1) throw new AppError('E_CONFLICT', `"${ref}" matches more than one document id; give more of it`);
      }
      const named = byNameOrPath.all(ref, ref);
      if (named.length > 1) throw new AppError('E_CONFLICT', `"${ref}" names more than one document; use its path or id`);
      return named[0] ?? null;
    },

    /** Sizes of what is stored. */
    stats(): StoreStats {
      const s = stats.get()!;
      return { ...s, schemaVersion: s.schemaVersion ?? 0 };
    },

    /** One page of documents. */
    listDocuments: (options: ListOptions = {}): DocumentPage => listDocuments(db, options),
  };
}

/** The reader's type, for the store that holds one. */
export type Reader = ReturnType<typeof prepareReader>;

/** The reports a later version of the same path supersedes (found from the few paths with one). */
const SUPERSEDED_SEQS = `SELECT v.doc_seq FROM versions l INDEXED BY versions_later
  JOIN versions v ON v.path = l.path AND v.version < l.version WHERE l.version > 1`;

/**
 * A page of all reports, or of the current ones, in the order they came: found in the versions'
 * index of report rows alone, then only its reports read. Skipping to an offset through the
 * documents' table read every report before it (0.4 s at offset 900,000 of 1M bench reports),
 * and telling the current ones from the rest probed each report's path.
 */
function documentPage(db: Database, currentOnly: boolean, limit: number, offset: number): DocumentPage {
  // Most archives have no later versions at all: then every report is a current one.
  const later = currentOnly && db.prepare('SELECT 1 FROM versions INDEXED BY versions_later WHERE version > 1 LIMIT 1').get() !== undefined;
  const total = db.prepare(later
    ? `SELECT (SELECT count(*) FROM versions) - (SELECT count(DISTINCT doc_seq) FROM (${SUPERSEDED_SEQS}))`
    : 'SELECT count(*) FROM versions').pluck().get() as number;
  const page = `SELECT doc_seq FROM versions ${later ? `WHERE doc_seq NOT IN (${SUPERSEDED_SEQS})` : ''} ORDER BY doc_seq LIMIT ? OFFSET ?`;
  const rows = db.prepare(`SELECT ${DOC_COLUMNS},
      (SELECT count(*) FROM counts c WHERE c.doc_seq = d.seq) AS counts,
      (SELECT count(*) FROM dates t WHERE t.doc_seq = d.seq) AS dates
    ${FROM_DOCS} WHERE d.seq IN (${page}) ORDER BY d.seq`).all(limit, offset) as DocRow[];
  return { total, items: rows.map(toSummary) };
}

/** Filters and pages documents; the SQL is built per call because filters come and go. */
function listDocuments(db: Database, options: ListOptions): DocumentPage {
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new AppError('E_BAD_INPUT', `limit must be an integer from 1 to 1000, got ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new AppError('E_BAD_INPUT', `offset must be a whole number, got ${offset}`);
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.publisher !== undefined) {
    where.push('d.publisher = ?');
    params.push(options.publisher);
  }
  if (options.q?.includes('\0')) {
    // LIKE reads its pattern only up to a NUL, so "dam\0x" would match every "dam": it matches nothing, as on PostgreSQL.
    where.push('0');
  } else if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const path = options.qMatchesPath === false ? '' : ` OR d.path LIKE ? ESCAPE '\\'`;
    where.push(`(d.name LIKE ? ESCAPE '\\'${path} OR d.title LIKE ? ESCAPE '\\')`);
    params.push(...(path ? [like, like, like] : [like, like]));
  }
  if (where.length === 0) return documentPage(db, options.currentOnly ?? false, limit, offset);
  if (options.currentOnly) where.push(NOT_SUPERSEDED);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Without a documents filter, the versions key alone answers the count.
  const counted = options.publisher === undefined && !options.q ? 'FROM versions v' : FROM_DOCS;
  const total = db.prepare(`SELECT count(*) ${counted} ${filter}`).pluck().get(...params) as number;
  const rows = db.prepare(`SELECT ${DOC_COLUMNS},
      (SELECT count(*) FROM counts c WHERE c.doc_seq = d.seq) AS counts,
      (SELECT count(*) FROM dates t WHERE t.doc_seq = d.seq) AS dates
    ${FROM_DOCS} ${filter} ORDER BY d.seq LIMIT ? OFFSET ?`).all(...params, limit, offset) as DocRow[];
  return { total, items: rows.map(toSummary) };
}
