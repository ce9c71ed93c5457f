/** Named JSON records and the pages of current documents with extractions that reconciliation reads. */
import type { StoredExtraction } from '../store.js';
import { joinRecordParts, jsonExceeds, PART_CHARS, recordParts } from '../record-parts.js';
import { COUNT_COLUMNS, toCount, toDate, toStoredDocument } from '../sqlite/rows.js';
import type { CountRow, DateRow, DocRow } from '../sqlite/rows.js';
import type { Db, Queryable } from './db.js';
import { DOC_COLUMNS, FROM_DOCS, NOT_SUPERSEDED } from './rows.js';
import type { TextCells } from './rows.js';
import { withText } from './read.js';

type Extractions = Map<number, { counts: ReturnType<typeof toCount>[]; dates: ReturnType<typeof toDate>[] }>;

/** Counts and dates of the documents at `seqs`, in their order, by row number. */
export async function extractionsOf(db: Db, seqs: readonly number[], scattered = false): Promise<Extractions> {
  const by: Extractions = new Map(seqs.map((s) => [s, { counts: [], dates: [] }]));
  if (!seqs.length) return by;
  // A run of seqs is one range; scattered ones (the reports a change touches) are looked up each.
  const where = scattered ? 'doc_seq = ANY($1::bigint[])' : 'doc_seq BETWEEN $1 AND $2';
  const args = scattered ? [seqs] : [seqs[0]!, seqs[seqs.length - 1]!];
  const counts = await db.read<CountRow & { doc_seq: number }>(`SELECT doc_seq, ${COUNT_COLUMNS} FROM counts WHERE ${where} ORDER BY doc_seq, ordinal`, args);
  const dates = await db.read<DateRow & { doc_seq: number }>(`SELECT doc_seq, value, span_start, span_end, quote, relative FROM dates WHERE ${where} ORDER BY doc_seq, ordinal`, args);
  for (const c of counts) by.get(c.doc_seq)?.counts.push(toCount(c));
  for (const d of dates) by.get(d.doc_seq)?.dates.push(toDate(d));
  return by;
}

/** Records and paging through current documents. */
export function prepareRecords(db: Db) {
  return {
    /** The record's value, or null. */
    async get<T>(key: string): Promise<T | null> {
      const [row] = await db.read<{ value: string; parts: number }>('SELECT value, parts FROM records WHERE key = $1', [key]);
      if (row === undefined) return null;
      if (row.parts === 0) return JSON.parse(row.value) as T;
      const parts = await db.read<{ value: string }>('SELECT value FROM record_parts WHERE key = $1 ORDER BY part', [key]);
      return joinRecordParts(parts.map((p) => p.value)) as T;
    },

    /** Writes records inside the caller's transaction. */
    async put(c: Queryable, records: Readonly<Record<string, unknown>>, now: string): Promise<void> {
      const upsert = `INSERT INTO records (key, value, parts, updated_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, parts = excluded.parts, updated_at = excluded.updated_at`;
      for (const [key, value] of Object.entries(records)) {
        await c.query('DELETE FROM record_parts WHERE key = $1', [key]);
        if (value === null || value === undefined) await c.query('DELETE FROM records WHERE key = $1', [key]);
        else if (typeof value !== 'object' || !jsonExceeds(value, PART_CHARS)) await c.query(upsert, [key, JSON.stringify(value), 0, now]);
        else {
          // Too large for one string: the header row first (parts reference it), then the parts.
          await c.query(upsert, [key, '', 0, now]);
          let n = 0;
          for (const part of recordParts(value)) await c.query('INSERT INTO record_parts (key, part, value) VALUES ($1, $2, $3)', [key, n++, part]);
          await c.query(upsert, [key, '', n, now]);
        }
      }
    },

    /** Up to `limit` current documents after row `after`, each with its extraction; and the last row seen. */
    async page(after: number, limit: number): Promise<{ items: StoredExtraction[]; last: number }> {
      const rows = await db.read<DocRow & TextCells>(`SELECT ${DOC_COLUMNS}, t.text, t.raw ${FROM_DOCS} JOIN texts t ON t.doc_seq = d.seq
        WHERE d.seq > $1 AND ${NOT_SUPERSEDED} ORDER BY d.seq LIMIT $2`, [after, limit]);
      if (!rows.length) return { items: [], last: after };
      const by = await extractionsOf(db, rows.map((r) => r.seq));
      const items = rows.map((r) => {
        const doc = toStoredDocument(withText(r));
        return { id: doc.id, name: doc.name, meta: doc.meta, text: doc.text, extraction: by.get(r.seq)! };
      });
      return { items, last: rows[rows.length - 1]!.seq };
    },
  };
}
