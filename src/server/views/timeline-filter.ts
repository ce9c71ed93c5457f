/**
 * The timeline's filters: the incident, the reports stating an entry (publisher, publication
 * date) and who states its counts, applied at the server so that a page of entries is a page of
 * those that pass, not a page filtered afterwards.
 */
import type { CountRef, TimelineEntry } from '../../pipeline/3-reconcile/types.js';
import { dataKind } from '../../pipeline/3-reconcile/figures/values.js';
import { countRefKey } from '../../pipeline/run/record.js';
import type { DocumentLabels } from '../api-types.js';
import { reportPasses, type AttributionClass } from './figure-filter.js';

/** The filters a timeline query may carry; absent ones do not filter. */
export interface EntryFilter {
  /** Keys of the incidents asked for (an entry passes when it is in one). */
  events?: readonly string[];
  publisher?: string;
  /** Publication dates of the stating reports within from–to (EDTF prefixes compared as text). */
  from?: string;
  to?: string;
  kind?: AttributionClass;
}

/** What filtering a page of entries needs to know beyond the entries. */
export interface EntryContext {
  labels: DocumentLabels;
  /** countRefKey → event. */
  ofCount: ReadonlyMap<string, string>;
  /** Report id → the events of its counts. */
  ofReport: ReadonlyMap<string, ReadonlySet<string>>;
}

/** True when any filter is set. */
export function entryFilters(f: EntryFilter): boolean {
  return f.events !== undefined || f.kind !== undefined || byReport(f);
}

/** True when the filter needs the reports' labels. */
export function byReport(f: EntryFilter): boolean {
  return f.publisher !== undefined || f.from !== undefined || f.to !== undefined;
}

/** True when a count, stated in an entry, is of the class (official or unofficial data as its attribution or sentence says). */
function countHasClass(c: CountRef, e: TimelineEntry, k: AttributionClass): boolean {
  const a = c.count.attribution;
  if (k === 'named') return a !== null;
  if (k === 'unattributed') return a === null;
  const sentence = e.statements.find((s) => s.doc === c.doc && s.sentence.start <= c.count.span.start && c.count.span.end <= s.sentence.end);
  return dataKind(c.count, sentence?.sentenceText ?? '') === k;
}

/**
 * The entry with only the statements (and their counts) of reports that pass, or null when it
 * does not pass. An entry is in an incident when one of its counts is; without counts, when one
 * of its stating reports has counts in it. With a kind filter, an entry passes only when one of
 * its counts is of that class, so entries without counts are left out.
 */
export function passingEntry(e: TimelineEntry, f: EntryFilter, ctx: EntryContext): TimelineEntry | null {
  let statements = e.statements;
  let counts = e.counts;
  if (byReport(f)) {
    statements = statements.filter((s) => reportPasses(ctx.labels[s.doc], f));
    if (statements.length === 0) return null;
    const docs = new Set(statements.map((s) => s.doc));
    counts = counts.filter((c) => docs.has(c.doc));
  }
  if (f.events !== undefined) {
    const want = new Set(f.events);
    const inEvent = counts.length > 0
      ? counts.some((c) => want.has(ctx.ofCount.get(countRefKey(c.doc, c.count)) ?? ''))
      : statements.some((s) => [...(ctx.ofReport.get(s.doc) ?? [])].some((ev) => want.has(ev)));
    if (!inEvent) return null;
  }
  if (f.kind !== undefined && !counts.some((c) => countHasClass(c, e, f.kind!))) return null;
  if (statements === e.statements) return e;
  const reports = new Set(statements.map((s) => s.doc));
  return { ...e, statements, counts, reports: e.reports.filter((r) => reports.has(r)), sentenceText: statements[0]!.sentenceText };
}
