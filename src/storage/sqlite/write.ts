/** The writes: one report with its extraction, and an extraction replaced. Run inside a transaction. */
import type { Database, Statement } from 'better-sqlite3';
import type { Extraction } from '../../domain/types.js';
import type { AddResult, ReportInput } from '../store.js';
import { COUNT_COLUMNS, countCells, dateCells, metaCells } from './rows.js';

/** Prepared statements for writing, made once per connection. */
export interface Writer {
  idBySha: Statement<[string], string>;
  lastVersion: Statement<[string], number | null>;
  insertDoc: Statement<unknown[]>;
  insertText: Statement<[number, string]>;
  insertOriginal: Statement<[number, Buffer]>;
  insertVersion: Statement<[string, number, number, string]>;
  insertCount: Statement<unknown[]>;
  insertDate: Statement<unknown[]>;
  deleteCounts: Statement<[number]>;
  deleteDates: Statement<[number]>;
}

/** Prepare the write statements on `db`. */
export function prepareWriter(db: Database): Writer {
  return {
    idBySha: db.prepare<[string], string>('SELECT id FROM documents WHERE sha256 = ?').pluck(),
    lastVersion: db.prepare<[string], number | null>('SELECT max(version) FROM versions WHERE path = ?').pluck(),
    insertDoc: db.prepare(`INSERT INTO documents (id, sha256, name, path, format, title, publisher,
      author, published, url, language, inferred, page_starts, byte_length, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertText: db.prepare('INSERT INTO texts (doc_seq, text) VALUES (?, ?)'),
    insertOriginal: db.prepare('INSERT INTO originals (doc_seq, bytes) VALUES (?, ?)'),
    insertVersion: db.prepare('INSERT INTO versions (path, version, doc_seq, ingested_at) VALUES (?, ?, ?, ?)'),
    insertCount: db.prepare(`INSERT INTO counts (doc_seq, ordinal, ${COUNT_COLUMNS})
      VALUES (${Array(20).fill('?').join(', ')})`),
    insertDate: db.prepare(`INSERT INTO dates (doc_seq, ordinal, value, span_start, span_end, quote, relative)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    deleteCounts: db.prepare('DELETE FROM counts WHERE doc_seq = ?'),
    deleteDates: db.prepare('DELETE FROM dates WHERE doc_seq = ?'),
  };
}

/** Store one report unless its bytes are already stored. Must run inside a transaction. */
export function writeReport(w: Writer, input: ReportInput, now: string): AddResult {
  const { doc, extraction, original } = input;
  const existing = w.idBySha.get(doc.sha256);
  if (existing !== undefined) return { status: 'skipped', id: existing, reason: 'already ingested' };
  const version = (w.lastVersion.get(doc.path) ?? 0) + 1;
  const pageStarts = doc.pageStarts === undefined ? null : JSON.stringify(doc.pageStarts);
  const { lastInsertRowid } = w.insertDoc.run(
    doc.id, doc.sha256, doc.name, doc.path, doc.format, ...metaCells(doc.meta ?? {}),
    pageStarts, doc.byteLength, now,
  );
  const seq = Number(lastInsertRowid);
  w.insertText.run(seq, doc.text);
  // A view, not a copy: originals can be tens of megabytes.
  w.insertOriginal.run(seq, Buffer.from(original.buffer, original.byteOffset, original.byteLength));
  w.insertVersion.run(doc.path, version, seq, now);
  writeExtraction(w, seq, extraction);
  return { status: version === 1 ? 'added' : 'new-version', id: doc.id, version };
}

/** Insert every count and date of an extraction for the document at `seq`. */
export function writeExtraction(w: Writer, seq: number, extraction: Extraction): void {
  extraction.counts.forEach((c, i) => w.insertCount.run(seq, i, ...countCells(c)));
  extraction.dates.forEach((d, i) => w.insertDate.run(seq, i, ...dateCells(d)));
}

/** Drop a document's extraction and write the new one. Must run inside a transaction. */
export function rewriteExtraction(w: Writer, seq: number, extraction: Extraction): void {
  w.deleteCounts.run(seq);
  w.deleteDates.run(seq);
  writeExtraction(w, seq, extraction);
}
