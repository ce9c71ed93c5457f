/** Figures as CSV: one row per value of each figure. */
import type { Figure } from '../../pipeline/3-reconcile/types.js';
import { figureId } from '../records.js';

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

/** The CSV header. */
export const CSV_COLUMNS = [
  'figure_id', 'event', 'event_label', 'measure', 'group', 'unit', 'value', 'min', 'max', 'approximate',
  'mentions', 'reports', 'independent', 'attributions', 'unattributed', 'kinds', 'verdict', 'divergence', 'reason',
] as const;

/** Every value of every figure, CRLF line ends as RFC 4180 asks. */
export function figuresCsv(figures: readonly Figure[]): string {
  const rows: Array<Array<string | number | boolean | null>> = [[...CSV_COLUMNS]];
  for (const f of figures) {
    const id = figureId(f.key);
    for (const v of f.values) {
      rows.push([
        id, f.key.event, f.eventLabel, f.key.measure, f.key.group, f.key.unit, v.label, v.min, v.max, v.approximate,
        v.counts.length, v.reports.length, v.independent, v.attributions.join('; '), v.unattributed, v.kinds.join('; '),
        f.verdict.status, f.verdict.status === 'diverging' ? f.verdict.kind : null, f.verdict.reason,
      ]);
    }
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
