/** Named JSON records and the extraction iterator that reconciliation reads. */
import type { Database } from 'better-sqlite3';
import type { StoredExtraction } from '../store.js';
import { joinRecordParts, jsonExceeds, PART_CHARS, recordParts } from '../record-parts.js';
import { toCount, toDate, toStoredDocument, COUNT_COLUMNS, DOC_COLUMNS } from './rows.js';
import type { CountRow, DateRow, DocRow } from './rows.js';

/** Statements for records and for paging through current documents with their extractions. */
export function prepareRecords(db: Database) {
  const get = db.prepare<[string], { value: string; parts: number }>('SELECT value, parts FROM records WHERE key = ?');
  const getParts = db.prepare<[string], string>('SELECT value FROM record_parts WHERE key = ? ORDER BY part').pluck();
  const put = db.prepare<[string, string, number, string]>('INSERT INTO records (key, value, parts, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, parts = excluded.parts, updated_at = excluded.updated_at');
  const putPart = db.prepare<[string, number, string]>('INSERT INTO record_parts (key, part, value) VALUES (?, ?, ?)');
  const delParts = db.prepare<[string]>('DELETE FROM record_parts WHERE key = ?');
  const del = db.prepare<[string]>('DELETE FROM records WHERE key = ?');
  const docs = db.prepare<[number, number], DocRow>(`SELECT ${DOC_COLUMNS}, t.text FROM documents d JOIN versions v ON v.doc_seq = d.seq JOIN texts t ON t.doc_seq = d.seq
    WHERE d.seq > ? AND NOT EXISTS (SELECT 1 FROM versions w WHERE w.path = v.path AND w.version > v.version) ORDER BY d.seq LIMIT ?`);
  const counts = db.prepare<[number, number], CountRow & { doc_seq: number }>(`SELECT doc_seq, ${COUNT_COLUMNS} FROM counts WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, ordinal`);
  const dates = db.prepare<[number, number], DateRow & { doc_seq: number }>('SELECT doc_seq, value, span_start, span_end, quote, relative FROM dates WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, ordinal');
  const putMany = db.transaction((records: Readonly<Record<string, unknown>>, now: string) => {
    for (const [key, value] of Object.entries(records)) {
      delParts.run(key);
      if (value === null || value === undefined) del.run(key);
      else if (typeof value !== 'object' || !jsonExceeds(value, PART_CHARS)) put.run(key, JSON.stringify(value), 0, now);
      else {
        // Too large for one string: the header row first (parts reference it), then the parts.
        put.run(key, '', 0, now);
        let n = 0;
        for (const part of recordParts(value)) putPart.run(key, n++, part);
        put.run(key, '', n, now);
      }
    }
  });
  return {
    /** The record's value, or null. */
    get<T>(key: string): T | null {
      const row = get.get(key);
      if (row === undefined) return null;
      return (row.parts > 0 ? joinRecordParts(getParts.iterate(key)) : JSON.parse(row.value)) as T;
    },
    /** Writes records in one transaction (IMMEDIATE, so it waits for other writers). */
    put(records: Readonly<Record<string, unknown>>, now: string): void {
      putMany.immediate(records, now);
    },
    /** Up to `limit` current documents after row `after`, each with its extraction; and the last row seen. */
    page(after: number, limit: number): { items: StoredExtraction[]; last: number } {
      const rows = docs.all(after, limit);
      if (!rows.length) return { items: [], last: after };
      const lo = rows[0]!.seq;
      const hi = rows[rows.length - 1]!.seq;
      const bySeq = new Map(rows.map((r) => [r.seq, { counts: [] as ReturnType<typeof toCount>[], dates: [] as ReturnType<typeof toDate>[] }]));
      for (const c of counts.all(lo, hi)) bySeq.get(c.doc_seq)?.counts.push(toCount(c));
      for (const d of dates.all(lo, hi)) bySeq.get(d.doc_seq)?.dates.push(toDate(d));
      const items = rows.map((r) => {
        const doc = toStoredDocument(r);
        return { id: doc.id, name: doc.name, meta: doc.meta, text: doc.text, extraction: bySeq.get(r.seq)! };
      });
      return { items, last: hi };
    },
  };
}
