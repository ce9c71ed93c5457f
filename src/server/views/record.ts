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
export function timelineView(view: RecordView): Timeline {
  const r = view.record;
  const entries = r.timeline.map((e) => ({ ...e, counts: e.counts.map(countRef) }));
  const docs = new Set([...r.timeline.flatMap((e) => e.reports), ...r.publications.map((p) => p.doc)]);
  return { builtAt: r.builtAt, entries, publications: r.publications, documents: labelsOf(view, docs) };
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
