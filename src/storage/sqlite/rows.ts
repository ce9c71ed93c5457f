/** Rows ⇄ domain values: the one place that knows how a Count or a document is laid out. */
import type { Count, DateMention, DocumentFormat, DocumentMeta } from '../../domain/types.js';
import type { DocumentSummary, StoredDocument } from '../store.js';

/** A value better-sqlite3 can bind. */
type Cell = string | number | bigint | Buffer | null;

/** A documents row joined with its version, as selected by DOC_COLUMNS. */
export interface DocRow {
  seq: number;
  id: string;
  sha256: string;
  name: string;
  path: string;
  format: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  inferred: string | null;
  byte_length: number;
  ingested_at: string;
  version: number;
  superseded: number;
  text?: string;
  page_starts?: string | null;
  counts?: number;
  dates?: number;
}

/** Columns for a document listing (no text); `d` is documents, `v` its versions row. */
export const DOC_COLUMNS = `d.seq, d.id, d.sha256, d.name, d.path, d.format, d.title, d.publisher,
  d.author, d.published, d.url, d.language, d.inferred, d.byte_length, d.ingested_at, v.version,
  EXISTS (SELECT 1 FROM versions w WHERE w.path = v.path AND w.version > v.version) AS superseded`;

const META_KEYS = ['title', 'publisher', 'author', 'published', 'url', 'language'] as const;

/** Metadata from a row, leaving absent fields out (so a round trip is deep-equal). */
function metaOf(row: DocRow): DocumentMeta {
  const meta: DocumentMeta = {};
  for (const key of META_KEYS) {
    const value = row[key];
    if (value !== null) meta[key] = value;
  }
  if (row.inferred !== null) meta.inferred = JSON.parse(row.inferred) as string[];
  return meta;
}

/** A listing item from a row. */
export function toSummary(row: DocRow): DocumentSummary {
  return {
    id: row.id, sha256: row.sha256, name: row.name, path: row.path,
    format: row.format as DocumentFormat, meta: metaOf(row), byteLength: row.byte_length,
    ingestedAt: row.ingested_at, version: row.version, superseded: row.superseded === 1,
    counts: row.counts ?? 0, dates: row.dates ?? 0,
  };
}

/** A full document from a row selected with text and page_starts. */
export function toStoredDocument(row: DocRow): StoredDocument {
  const doc: StoredDocument = {
    id: row.id, sha256: row.sha256, path: row.path, name: row.name,
    format: row.format as DocumentFormat, meta: metaOf(row), text: row.text ?? '',
    byteLength: row.byte_length, ingestedAt: row.ingested_at, version: row.version,
    superseded: row.superseded === 1,
  };
  if (row.page_starts != null) doc.pageStarts = JSON.parse(row.page_starts) as number[];
  return doc;
}

/** Metadata as the documents columns title … inferred, in order. */
export function metaCells(meta: DocumentMeta): Cell[] {
  return [
    ...META_KEYS.map((key) => meta[key] ?? null),
    meta.inferred === undefined ? null : JSON.stringify(meta.inferred),
  ];
}

/** Undefined becomes NULL; booleans become 0/1 (better-sqlite3 binds neither). */
function cell(value: unknown): Cell {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as Cell;
}

/** Column order of COUNT_INSERT after doc_seq and ordinal. */
export const COUNT_COLUMNS = `measure, grp, unit, subject, min, max, approximate, attr_text,
  attr_source, attr_start, attr_end, attr_kind, span_start, span_end, quote, sentence_start,
  sentence_end, part_of`;

/** A count as cells in COUNT_COLUMNS order. */
export function countCells(c: Count): Cell[] {
  const a = c.attribution;
  return [
    c.measure, c.group, c.unit, c.subject, c.min, c.max, c.approximate,
    a?.text, a?.source, a?.span?.start, a?.span?.end, a?.kind,
    c.span?.start, c.span?.end, c.quote, c.sentence?.start, c.sentence?.end, c.partOf,
  ].map(cell);
}

/** A counts row as selected with COUNT_COLUMNS. */
export interface CountRow {
  measure: string; grp: string; unit: string; subject: string;
  min: number | null; max: number | null; approximate: number;
  attr_text: string | null; attr_source: string | null; attr_start: number | null;
  attr_end: number | null; attr_kind: string | null;
  span_start: number; span_end: number; quote: string;
  sentence_start: number; sentence_end: number; part_of: number | null;
}

/**
 * A Count from a row read as cells (`raw()`), COUNT_COLUMNS from position `at`: as `toCount`
 * gives it. Reconciliation reads millions of counts; an object a row cost 30% more.
 */
export function toCountCells(r: readonly unknown[], at: number): Count {
  const n = (i: number) => r[at + i] as number;
  const s = (i: number) => r[at + i] as string;
  const count: Count = {
    measure: s(0) as Count['measure'], group: s(1), unit: s(2) as Count['unit'],
    subject: s(3), min: r[at + 4] as number | null, max: r[at + 5] as number | null, approximate: r[at + 6] === 1,
    attribution: null, span: { start: n(12), end: n(13) }, quote: s(14),
    sentence: { start: n(15), end: n(16) },
  };
  if (r[at + 7] !== null && r[at + 8] !== null) {
    count.attribution = { text: s(7), source: s(8) };
    if (r[at + 9] !== null && r[at + 10] !== null) count.attribution.span = { start: n(9), end: n(10) };
    if (r[at + 11] !== null) count.attribution.kind = s(11) as 'official' | 'unofficial';
  }
  if (r[at + 17] !== null) count.partOf = n(17);
  return count;
}

/** CountRow's fields in COUNT_COLUMNS order. */
const COUNT_FIELDS = ['measure', 'grp', 'unit', 'subject', 'min', 'max', 'approximate', 'attr_text', 'attr_source', 'attr_start', 'attr_end',
  'attr_kind', 'span_start', 'span_end', 'quote', 'sentence_start', 'sentence_end', 'part_of'] as const satisfies ReadonlyArray<keyof CountRow>;

/** A Count from its row, optional fields left out when they were absent. */
export function toCount(r: CountRow): Count {
  return toCountCells(COUNT_FIELDS.map((k) => r[k]), 0);
}

/** A date as cells: value, span_start, span_end, quote, relative. */
export function dateCells(d: DateMention): Cell[] {
  return [d.value, d.span?.start, d.span?.end, d.quote, d.relative].map(cell);
}

/** A dates row. */
export interface DateRow {
  value: string; span_start: number; span_end: number; quote: string; relative: number | null;
}

/** A DateMention from its row. */
export function toDate(r: DateRow): DateMention {
  const date: DateMention = { value: r.value, span: { start: r.span_start, end: r.span_end }, quote: r.quote };
  if (r.relative !== null) date.relative = r.relative === 1;
  return date;
}
