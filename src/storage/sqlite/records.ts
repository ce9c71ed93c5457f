/** Named JSON records and the extraction iterator that reconciliation reads. */
import type { Database } from 'better-sqlite3';
import type { StoredExtraction } from '../store.js';
import { toCount, toDate, toStoredDocument, COUNT_COLUMNS, DOC_COLUMNS } from './rows.js';
import type { CountRow, DateRow, DocRow } from './rows.js';

/** Statements for records and for paging through current documents with their extractions. */
export function prepareRecords(db: Database) {
  const get = db.prepare<[string], string>('SELECT value FROM records WHERE key = ?').pluck();
  const put = db.prepare<[string, string, string]>('INSERT INTO records (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
  const del = db.prepare<[string]>('DELETE FROM records WHERE key = ?');
  // octet_length reads the stored size, not the value: O(1) even for a record of many megabytes.
  const stamp = db.prepare<[string], string>("SELECT updated_at || ' ' || octet_length(value) FROM records WHERE key = ?").pluck();
  const docs = db.prepare<[number, number], DocRow>(`SELECT ${DOC_COLUMNS}, t.text FROM documents d JOIN versions v ON v.doc_seq = d.seq JOIN texts t ON t.doc_seq = d.seq
    WHERE d.seq > ? AND NOT EXISTS (SELECT 1 FROM versions w WHERE w.path = v.path AND w.version > v.version) ORDER BY d.seq LIMIT ?`);
  const counts = db.prepare<[number, number], CountRow & { doc_seq: number }>(`SELECT doc_seq, ${COUNT_COLUMNS} FROM counts WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, ordinal`);
  const dates = db.prepare<[number, number], DateRow & { doc_seq: number }>('SELECT doc_seq, value, span_start, span_end, quote, relative FROM dates WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, ordinal');
  const putMany = db.transaction((records: Readonly<Record<string, unknown>>, now: string) => {
    for (const [key, value] of Object.entries(records)) {
      if (value === null || value === undefined) del.run(key);
      else put.run(key, JSON.stringify(value), now);
    }
  });
  return {
    /** The record's value, or null. */
    get<T>(key: string): T | null {
      const v = get.get(key);
      return v === undefined ? null : (JSON.parse(v) as T);
    },
    /** A cheap token that changes whenever the record is written, or null. */
    stamp: (key: string): string | null => stamp.get(key) ?? null,
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
