/** The writes: one report with its extraction, and an extraction replaced. Run inside a transaction. */
import type { Extraction } from '../../domain/types.js';
import type { AddResult, ReportInput } from '../store.js';
import { COUNT_COLUMNS, countCells, dateCells, metaCells } from '../sqlite/rows.js';
import type { Queryable } from './db.js';
import { lockName } from './db.js';
import { checkCells, placeholders, textCells } from './rows.js';
import { documentVector } from './text-index.js';

/** Rows per INSERT statement (20 values a count: well under PostgreSQL's 65,535 parameters). */
const ROWS_PER_INSERT = 500;

/** Inserts rows of equal width in statements of at most ROWS_PER_INSERT rows. */
async function insertRows(c: Queryable, head: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const width = chunk[0]!.length;
    await c.query(`${head} VALUES ${chunk.map((_, k) => placeholders(width, k * width)).join(', ')}`, chunk.flat());
  }
}

/** What writing a report did, and its row number when it was stored. */
export interface Written {
  result: AddResult;
  seq?: number;
}

/**
 * Store one report unless its bytes are already stored. Must run inside a transaction.
 * One advisory lock for every writer of documents, held to the commit, gives what SQLite's single
 * writer gives: row numbers in commit order. Without it a report numbered 10 could commit after
 * one numbered 11 had been reconciled, and incremental reconciliation, which compares a report
 * with those numbered before it, would never compare the two. It also numbers two versions of
 * one path one after the other. Only the writes wait; reading and extracting stay parallel.
 */
export async function writeReport(c: Queryable, input: ReportInput, now: string): Promise<Written> {
  const { doc, extraction, original } = input;
  const what = `report "${doc.path}"`;
  const existing = await c.query<{ id: string }>('SELECT id FROM documents WHERE sha256 = $1', [doc.sha256]);
  if (existing.rows.length) return { result: { status: 'skipped', id: existing.rows[0]!.id, reason: 'already ingested' } };
  await lockName(c, 'documents');
  const version = (await c.query<{ v: number }>('SELECT coalesce(max(version), 0) + 1 AS v FROM versions WHERE path = $1', [doc.path])).rows[0]!.v;
  const pageStarts = doc.pageStarts === undefined ? null : JSON.stringify(doc.pageStarts);
  const cells = [doc.id, doc.sha256, doc.name, doc.path, doc.format, ...metaCells(doc.meta ?? {}), pageStarts, doc.byteLength, now];
  checkCells(cells, what);
  const inserted = await c.query<{ seq: number }>(`INSERT INTO documents (id, sha256, name, path, format, title, publisher,
    author, published, url, language, inferred, page_starts, byte_length, ingested_at)
    VALUES ${placeholders(15, 0)} ON CONFLICT (sha256) DO NOTHING RETURNING seq`, cells);
  if (!inserted.rows.length) {
    const id = (await c.query<{ id: string }>('SELECT id FROM documents WHERE sha256 = $1', [doc.sha256])).rows[0]!.id;
    return { result: { status: 'skipped', id, reason: 'already ingested' } };
  }
  const seq = inserted.rows[0]!.seq;
  await c.query('INSERT INTO texts (doc_seq, text, raw) VALUES ($1, $2, $3)', [seq, ...textCells(doc.text)]);
  await c.query('INSERT INTO originals (doc_seq, bytes) VALUES ($1, $2)', [seq, Buffer.from(original.buffer, original.byteOffset, original.byteLength)]);
  await c.query('INSERT INTO versions (path, version, doc_seq, ingested_at) VALUES ($1, $2, $3, $4)', [doc.path, version, seq, now]);
  await c.query('INSERT INTO documents_fts (doc_seq, terms) VALUES ($1, $2::tsvector)', [seq, documentVector(doc.meta?.title, doc.text)]);
  await writeExtraction(c, seq, extraction, what);
  return { result: { status: version === 1 ? 'added' : 'new-version', id: doc.id, version }, seq };
}

/** Insert every count and date of an extraction for the document at `seq`. */
export async function writeExtraction(c: Queryable, seq: number, extraction: Extraction, what: string): Promise<void> {
  const counts = extraction.counts.map((x, i) => [seq, i, ...countCells(x)]);
  const dates = extraction.dates.map((d, i) => [seq, i, ...dateCells(d)]);
  for (const row of [...counts, ...dates]) checkCells(row, what);
  if (counts.length) await insertRows(c, `INSERT INTO counts (doc_seq, ordinal, ${COUNT_COLUMNS})`, counts);
  if (dates.length) await insertRows(c, 'INSERT INTO dates (doc_seq, ordinal, value, span_start, span_end, quote, relative)', dates);
}

/** Drop a document's extraction and write the new one. Must run inside a transaction. */
export async function rewriteExtraction(c: Queryable, seq: number, extraction: Extraction, what: string): Promise<void> {
  await c.query('DELETE FROM counts WHERE doc_seq = $1', [seq]);
  await c.query('DELETE FROM dates WHERE doc_seq = $1', [seq]);
  await writeExtraction(c, seq, extraction, what);
}
