/** Figures as CSV: one row per mention of each value of each figure, with its words and report. */
import type { CountRef, Figure } from '../../pipeline/3-reconcile/types.js';
import type { FigurePart } from '../../pipeline/run/record-rows.js';
import { figureId } from '../records.js';
import { formatRange } from '../api/format.js';

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would read as a formula (=, +, -, @ first)
 * is prefixed with an apostrophe: attributions are copied from untrusted reports.
 */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** What the CSV says of the report a mention stands in; fields it cannot know are left empty. */
export interface CsvReport {
  title?: string | null;
  publisher?: string | null;
  /** EDTF. */
  published?: string | null;
  url?: string | null;
}

/** The CSV header: the figure and value, then the mention (its report, its words and where they stand). */
export const CSV_COLUMNS = [
  'figure_id', 'event', 'event_label', 'measure', 'group', 'unit', 'value', 'min', 'max', 'approximate',
  'mentions', 'reports', 'independent', 'attributions', 'unattributed', 'kinds', 'verdict', 'divergence', 'reason',
  'document', 'report_title', 'publisher', 'published', 'url', 'quote', 'span_start', 'span_end', 'attributed_to',
] as const;

type Value = Omit<Figure['values'][number], 'counts'>;

/** The CSV lines of some counts of one value of a figure (with its number of mentions), each ending CRLF as RFC 4180 asks. */
function valueCsvLines(id: string, f: Pick<Figure, 'key' | 'eventLabel' | 'verdict'>, v: Value, mentions: number, counts: readonly CountRef[], report: (id: string) => CsvReport | undefined): string {
  const head = [
    id, f.key.event, f.eventLabel, f.key.measure, f.key.group, f.key.unit, formatRange(v), v.min, v.max, v.approximate,
    mentions, v.reports.length, v.independent, v.attributions.join('; '), v.unattributed, v.kinds.join('; '),
    f.verdict.status, f.verdict.status === 'diverging' ? f.verdict.kind : null, f.verdict.reason,
  ].map(csvField).join(',');
  let out = '';
  for (const c of counts) {
    const r = report(c.doc);
    out += `${head},${[c.doc, r?.title ?? null, r?.publisher ?? null, r?.published ?? null, r?.url ?? null,
      c.count.quote, c.count.span.start, c.count.span.end, c.count.attribution?.source ?? null].map(csvField).join(',')}\r\n`;
  }
  return out;
}

/** The CSV lines of one figure: one per mention of each of its values. */
export function figureCsvLines(f: Figure, report: (id: string) => CsvReport | undefined = () => undefined): string {
  const id = figureId(f.key);
  return f.values.map((v) => valueCsvLines(id, f, v, v.counts.length, v.counts, report)).join('');
}

/** The CSV lines of part of a stored figure (see figureParts): the same lines its whole figure gives, a part at a time. */
export function partCsvLines(p: FigurePart, report: (id: string) => CsvReport | undefined = () => undefined): string {
  return p.values.map(({ index, counts }) => valueCsvLines(p.figure.id, p.figure, p.figure.values[index]!, p.figure.values[index]!.mentions, counts, report)).join('');
}

/** The CSV's first line. */
export const CSV_HEADER = `${CSV_COLUMNS.map(csvField).join(',')}\r\n`;

/**
 * One row per mention of every value of every figure (a value's columns repeat on each of its
 * mentions). `report` names a mention's report; without it the report columns stay empty.
 */
export function figuresCsv(figures: readonly Figure[], report: (id: string) => CsvReport | undefined = () => undefined): string {
  return CSV_HEADER + figures.map((f) => figureCsvLines(f, report)).join('');
}
