/** The timeline, sources and events as the API shows them. */
import type { SourcePair } from '../../pipeline/3-reconcile/types.js';
import type { DocumentLabels, EventList, SourcePairView, Timeline } from '../api-types.js';
import type { RecordView } from '../records.js';
import { countRef, isShown } from './figures.js';

/** Labels of the given report ids. */
export function labelsOf(view: RecordView, ids: Iterable<string>): DocumentLabels {
  const out: DocumentLabels = {};
  for (const id of ids) out[id] = view.label(id);
  return out;
}

/** The timeline with its reports' labels. */
export function timelineView(view: RecordView, limit = 1000, offset = 0): Timeline {
  const r = view.record;
  const page = r.timeline.slice(offset, offset + limit);
  const entries = page.map((e) => ({ ...e, counts: e.counts.map(countRef) }));
  const publications = r.publications.slice(0, 1000);
  const docs = new Set([...page.flatMap((e) => e.reports), ...publications.map((p) => p.doc)]);
  let lo: string | null = null;
  let hi: string | null = null;
  for (const e of r.timeline) {
    if (e.start === null || e.end === null) continue;
    if (lo === null || e.start < lo) lo = e.start;
    if (hi === null || e.end > hi) hi = e.end;
  }
  const range = lo !== null && hi !== null ? { start: lo, end: hi } : null;
  return {
    builtAt: r.builtAt, entries, total: r.timeline.length, limit, offset, range,
    publications, publicationCount: r.publications.length, documents: labelsOf(view, docs),
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
export function eventsView(view: RecordView): EventList {
  const r = view.record;
  const figures = new Map<string, number>();
  for (const f of r.figures) if (isShown(f)) figures.set(f.key.event, (figures.get(f.key.event) ?? 0) + 1);
  return {
    builtAt: r.builtAt, documents: r.documents,
    items: r.events.map((e) => ({ key: e.key, label: e.label, counts: e.counts, reports: e.reports, figures: figures.get(e.key) ?? 0 })),
  };
}
