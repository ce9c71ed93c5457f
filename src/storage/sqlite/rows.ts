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

/** A Count from its row, optional fields left out when they were absent. */
export function toCount(r: CountRow): Count {
  const count: Count = {
    measure: r.measure as Count['measure'], group: r.grp, unit: r.unit as Count['unit'],
    subject: r.subject, min: r.min, max: r.max, approximate: r.approximate === 1,
    attribution: null, span: { start: r.span_start, end: r.span_end }, quote: r.quote,
    sentence: { start: r.sentence_start, end: r.sentence_end },
  };
  if (r.attr_text !== null && r.attr_source !== null) {
    count.attribution = { text: r.attr_text, source: r.attr_source };
    if (r.attr_start !== null && r.attr_end !== null) count.attribution.span = { start: r.attr_start, end: r.attr_end };
    if (r.attr_kind !== null) count.attribution.kind = r.attr_kind as 'official' | 'unofficial';
  }
  if (r.part_of !== null) count.partOf = r.part_of;
  return count;
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
