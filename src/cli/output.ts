/** Printing for people and for programs: tables, JSON, and errors on stderr. */
import type { Count, DateMention } from '../domain/types.js';
import { formatRange } from '../server/api/format.js';

/** Ranges are written by the one formatter the web app and the exports use. */
export { formatRange };
import { oneLine } from './terminal.js';

/** A left-aligned text table with a header row; cells are cut to `max` characters. */
export function table(headers: string[], rows: string[][], max = 60): string {
  const cut = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  const all = [headers, ...rows].map((r) => r.map((c) => cut(oneLine(c.replace(/\s+/g, ' ')))));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** One table of a report's counts and one of its dates. */
export function extractionTables(name: string, counts: Count[], dates: DateMention[]): string {
  const countRows = counts.map((c) => [
    c.measure, c.group + (c.unit === 'families' ? ' (families)' : ''), formatRange(c),
    c.attribution ? c.attribution.source : '(report)', c.quote,
  ]);
  const dateRows = dates.map((d) => [d.value, d.quote + (d.relative ? ' (relative)' : '')]);
  const parts = [`== ${oneLine(name)}`];
  parts.push(counts.length ? table(['measure', 'group', 'range', 'attribution', 'quote'], countRows) : '(no counts)');
  parts.push(dates.length ? table(['date (EDTF)', 'quote'], dateRows) : '(no dates)');
  return parts.join('\n\n');
}
