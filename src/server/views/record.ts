/** The timeline, sources and events as the API shows them. */
import type { SourcePair } from '../../pipeline/3-reconcile/types.js';
import type { TimelineEntry } from '../../pipeline/3-reconcile/types.js';
import type { BuildInfo } from '../../pipeline/run/record.js';
import { countRefKey } from '../../pipeline/run/record.js';
import type { EventList, SourcePairView, Timeline } from '../api-types.js';
import type { RecordSource } from '../records.js';
import { countRef } from './figures.js';
import { filteredScan } from './filtered-scan.js';
import { byReport, entryFilters, passingEntry, type EntryFilter } from './timeline-filter.js';

/** A page of the entries that pass a filter, with how many pass in all. */
async function filteredEntries(records: RecordSource, filter: EntryFilter, limit: number, offset: number): Promise<{ total: number; entries: TimelineEntry[] }> {
  if (filter.events?.length === 0) return { total: 0, entries: [] };
  const { total, items } = await filteredScan(async (l, o) => (await records.timeline(l, o)).entries, async (rows) => {
    const labels = byReport(filter) ? await records.labels(rows.flatMap((e) => e.statements.map((s) => s.doc))) : {};
    const events = filter.events !== undefined
      ? await records.eventsOf({
        counts: rows.flatMap((e) => e.counts.map((c) => countRefKey(c.doc, c.count))),
        reports: rows.filter((e) => e.counts.length === 0).flatMap((e) => e.statements.map((s) => s.doc)),
      })
      : { ofCount: new Map<string, string>(), ofReport: new Map<string, Set<string>>() };
    return rows.map((e) => passingEntry(e, filter, { labels, ...events }));
  }, limit, offset);
  return { total, entries: items };
}

/** A page of the timeline (of the entries that pass the filter, if any) with its reports' labels; the range is over every entry. */
export async function timelineView(records: RecordSource, info: BuildInfo, limit = 1000, offset = 0, filter: EntryFilter = {}): Promise<Timeline> {
  const [page, publications] = await Promise.all([
    entryFilters(filter) ? filteredEntries(records, filter, limit, offset) : records.timeline(limit, offset), records.publications(1000),
  ]);
  const entries = page.entries.map((e) => ({ ...e, counts: e.counts.map(countRef) }));
  const docs = new Set([...page.entries.flatMap((e) => e.reports), ...publications.map((p) => p.doc)]);
  return {
    builtAt: info.builtAt, entries, total: page.total, limit, offset, range: info.timelineRange ?? null,
    publications, publicationCount: info.publications ?? publications.length, documents: await records.labels(docs),
  };
}

/** A pair with its passages' words. */
export function pairView(p: SourcePair, texts: ReadonlyMap<string, string>): SourcePairView {
  const side = (s: { doc: string; span: { start: number; end: number } }) => ({ doc: s.doc, span: s.span, text: texts.get(s.doc)?.slice(s.span.start, s.span.end) ?? '' });
  return {
    a: p.a, b: p.b, containmentA: p.containmentA, containmentB: p.containmentB,
    passages: p.passages.map((s) => ({ words: s.words, a: side(s.a), b: side(s.b) })),
  };
}

/** The events, each with its number of casualty figures. */
export async function eventsView(records: RecordSource, info: BuildInfo): Promise<EventList> {
  return { builtAt: info.builtAt, documents: info.documents, items: await records.events() };
}
