/**
 * Rows ⇄ domain values for PostgreSQL: the SQLite store's converters (../sqlite/rows.ts, pure
 * functions) are used as they are; this file only selects columns in the shapes they read
 * (0/1 for flags) and keeps text that holds a NUL, which PostgreSQL's text cannot, as UTF-8 bytes.
 */
import { AppError } from '../../domain/errors.js';

/** Columns for a document listing (no text); `d` is documents, `v` its versions row. */
export const DOC_COLUMNS = `d.seq, d.id, d.sha256, d.name, d.path, d.format, d.title, d.publisher,
  d.author, d.published, d.url, d.language, d.inferred, d.byte_length, d.ingested_at, v.version,
  (EXISTS (SELECT 1 FROM versions w WHERE w.path = v.path AND w.version > v.version))::int AS superseded`;

/** The join from documents to their versions row. */
export const FROM_DOCS = 'FROM documents d JOIN versions v ON v.doc_seq = d.seq';

/** A document that no later version of its path supersedes. */
export const NOT_SUPERSEDED = 'NOT EXISTS (SELECT 1 FROM versions w WHERE w.path = v.path AND w.version > v.version)';

/** A texts row as selected (`t.text, t.raw`). */
export interface TextCells {
  text: string | null;
  raw: Buffer | null;
}

/** The stored text, whichever column holds it. */
export function textOf(row: TextCells): string {
  return row.text ?? (row.raw ? row.raw.toString('utf8') : '');
}

/** The text as the two columns: plain, or as bytes when it holds a NUL. */
export function textCells(text: string): [string | null, Buffer | null] {
  return text.includes('\u0000') ? [null, Buffer.from(text, 'utf8')] : [text, null];
}

/**
 * Refuses a value no column takes (an object, a boolean left unconverted, a symbol), as
 * better-sqlite3 does: pg would otherwise write an object's JSON into a text column.
 */
export function checkCells(cells: readonly unknown[], what: string): void {
  for (const v of cells) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || Buffer.isBuffer(v)) continue;
    throw new AppError('E_BAD_INPUT', `Could not store ${what}: a value has the wrong type`);
  }
}

/** `$1, $2, …` for one row of `width` values starting after `offset` parameters. */
export function placeholders(width: number, offset: number): string {
  return `(${Array.from({ length: width }, (_, i) => `$${offset + i + 1}`).join(', ')})`;
}
