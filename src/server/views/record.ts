/** The timeline, sources and events as the API shows them. */
import type { SourcePair } from '../../pipeline/3-reconcile/types.js';
import type { BuildInfo } from '../../pipeline/run/record.js';
import type { EventList, SourcePairView, Timeline } from '../api-types.js';
import type { RecordSource } from '../records.js';
import { countRef } from './figures.js';

/** A page of the timeline with its reports' labels; the range is over every entry. */
export async function timelineView(records: RecordSource, info: BuildInfo, limit = 1000, offset = 0): Promise<Timeline> {
  const [page, publications] = await Promise.all([records.timeline(limit, offset), records.publications(1000)]);
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
