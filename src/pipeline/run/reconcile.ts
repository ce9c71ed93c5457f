/**
 * Reconcile over stored rows: each new report is compared once with the earlier reports it
 * shares LSH buckets with (by index lookup); each count's event is assigned once and kept while
 * the corpus's event context holds; figures, checks, timeline and entities are then rebuilt from
 * the stored extraction rows, without reading or re-extracting any text, and written as rows.
 */
import type { Count, DateMention, DocumentMeta, Span } from '../../domain/types.js';
import type { RowChange, Store } from '../../storage/store.js';
import type { CheckResult, CountRef, DatedSentence, EventCount, SourcePair } from '../3-reconcile/types.js';
import { buildFigures, buildTimeline, clusterNames, runChecks, sourceLookup } from '../3-reconcile/index.js';
import { decideSources } from './source-decisions.js';
import type { EventMention } from '../3-reconcile/index.js';
import type { CountAdjuster, DateAdjuster, EventRow, ReconcileRecord } from './record.js';
import { SETS } from './record.js';
import { assignEvents } from './assign.js';
import type { CountFact, DatedPart, DerivedParts } from './derive.js';
import { backfillDerived, pairNewReports } from './reconcile-sources.js';
import { buildInfo, eventRows, wholeRows } from './record-rows.js';
import { groupedBy } from '../3-reconcile/checks/select.js';
import type { EventBuild } from './record-rows.js';

/** Options for `reconcile`. */
export interface ReconcileOptions {
  /** Applies curators' reviews to counts (see CountAdjuster). */
  adjust?: CountAdjuster;
  /** Applies curators' reviews to dates: rejected dates leave the timeline, corrected ones move. */
  adjustDates?: DateAdjuster;
  /** Known other names of places, passed in as data: [["Khankendi", "Stepanakert"], …]. */
  exonyms?: string[][];
  /** Reviews stored, noted with the build (see BuildInfo). */
  reviews?: number;
  /** Compare every report and assign every count again, from the stored rows (`reconcile --full`). */
  full?: boolean;
}

/** One current report as reconciliation holds it: no text. */
interface Loaded {
  id: string;
  /** Ingestion order (see StoredDerived). */
  order: number;
  meta: DocumentMeta;
  /** Counts as extracted, and as reviewed (null: rejected). */
  extracted: Count[];
  adjusted: Array<Count | null>;
  dates: DateMention[];
  facts: CountFact[];
  mentions: EventMention[];
  dated: DatedPart[];
  entities: DerivedParts['entities'];
}

/** Drops rejected counts, renumbering breakdown links; returns the kept counts and their extraction ordinals. */
function kept(adjusted: ReadonlyArray<Count | null>): { counts: Count[]; ordinals: number[] } {
  const newIndex = new Map<number, number>();
  const counts: Count[] = [];
  const ordinals: number[] = [];
  adjusted.forEach((c, i) => {
    if (c !== null) { newIndex.set(i, counts.length); counts.push(c); ordinals.push(i); }
  });
  return {
    ordinals,
    counts: counts.map((c) => {
      if (c.partOf === undefined) return c;
      const to = newIndex.get(c.partOf);
      const { partOf: _dropped, ...rest } = c;
      return to === undefined ? rest : { ...rest, partOf: to };
    }),
  };
}

/** Reads every current report's extraction and derived parts. */
async function load(store: Store, opts: ReconcileOptions): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for await (const x of store.allDerived(['facts', 'mentions', 'dated', 'entities'])) {
    const p = x.parts as Partial<DerivedParts>;
    const counts = x.extraction.counts;
    out.push({
      id: x.id, order: x.order, meta: x.meta, extracted: counts,
      adjusted: opts.adjust ? opts.adjust(x.id, counts) : counts,
      dates: x.extraction.dates,
      facts: p.facts ?? [], mentions: p.mentions ?? [], dated: p.dated ?? [], entities: p.entities ?? [],
    });
  }
  return out;
}

/**
 * The counts lying within a span, in extraction order: a binary search over the counts by start,
 * so a report of many dates and counts is not one pass over its counts per date.
 */
function countsWithin(refs: readonly CountRef[]): (span: Span) => CountRef[] {
  const order = refs.map((_, i) => i).sort((a, b) => refs[a]!.count.span.start - refs[b]!.count.span.start || a - b);
  const starts = order.map((i) => refs[i]!.count.span.start);
  return (span) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < span.start) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < starts.length && starts[k]! < span.end; k++) if (refs[order[k]!]!.count.span.end <= span.end) out.push(order[k]!);
    return out.sort((a, b) => a - b).map((i) => refs[i]!);
  };
}

/** Two figures listed in one clause ("25 children lost both parents, and 130 lost one parent") count different people. */
function listedTogether(c: CheckResult, factOf: (ref: CountRef) => CountFact | undefined): boolean {
  if (c.kind !== 'contradiction' || c.counts.length !== 2) return false;
  const [a, b] = c.counts as [CountRef, CountRef];
  if (a.doc !== b.doc || a.count.sentence.start !== b.count.sentence.start) return false;
  const [x, y] = a.count.span.start < b.count.span.start ? [a, b] : [b, a];
  const fx = factOf(x);
  const fy = factOf(y);
  if (fx === undefined || fy === undefined) return false;
  // No ";" or "." from the end of the first to the start of the second.
  return fy.breaks[0] - fx.breaks[1] <= 0;
}

/** What a build did. */
export interface ReconcileSummary {
  builtAt: string;
  documents: number;
  /** Figures in the record. */
  figures: number;
  /** Independent sources (source groups). */
  sourceGroups: number;
  /** Events whose figures and checks were rebuilt (every event on a first or full build). */
  rebuiltEvents: number;
  events: number;
}

/** The reports whose figures may have changed since the last build: new, reassigned, regrouped, paired, reviewed, superseded. */
async function changedReports(store: Store, fromReview: number, ids: readonly string[], groupOf: Readonly<Record<string, string>>, alsoChanged: Iterable<string>): Promise<Set<string>> {
  const changed = new Set<string>(alsoChanged);
  const current = new Set(ids);
  const before = new Map((await store.getRows<string>(SETS.docGroup)).map((r) => [r.key, r.data]));
  for (const id of ids) if (before.get(id) !== groupOf[id]) changed.add(id);
  for (const id of before.keys()) if (!current.has(id)) changed.add(id);
  // Reviews are appended, never changed: those after the build's number are new.
  for (let offset = fromReview; ; offset += 1000) {
    const page = await store.listReviews({ offset, limit: 1000 });
    for (const r of page.items) changed.add(r.documentId);
    if (offset + 1000 >= page.total) break;
  }
  return changed;
}

/**
 * Brings the reconciled record up to date and writes it as rows. Each new report is compared
 * once; each count's event is assigned once (again only where the corpus context changed what
 * its words mean); figures and checks are rebuilt only for the events whose reports changed;
 * the timeline, entities and source groups are rebuilt from stored rows. No text is
 * re-extracted; only reports assigned in this run are read.
 */
export async function reconcile(store: Store, opts: ReconcileOptions = {}): Promise<ReconcileSummary> {
  await backfillDerived(store);
  const prev = opts.full ? null : await buildInfo(store);
  if (opts.full) await store.resetSources([{ set: SETS.pairs, clear: 'all' }, { set: SETS.counters, clear: { keys: ['pairs'] } }]);
  const paired = await pairNewReports(store);
  const reports = await load(store, opts);
  const ids = reports.map((r) => r.id);
  const current = new Set(ids);

  // Superseded versions stay compared (their text is kept) but speak for nothing now.
  const stored = await store.getRows<SourcePair>(SETS.pairs);
  const pairs: SourcePair[] = stored.map((r) => r.data).filter((p) => current.has(p.a) && current.has(p.b));
  const stale = stored.filter((r) => !current.has(r.data.a) || !current.has(r.data.b)).map((r) => r.key);
  const { grouped, lookupPairs, decidedDocs } = await decideSources(store, ids, pairs, prev);
  const sources = sourceLookup(lookupPairs, grouped.groupOf);

  const assigned = await assignEvents(store, reports.map((r) => ({ id: r.id, counts: r.extracted, mentions: r.mentions, entities: r.entities })), opts);
  const eventCounts: EventCount[] = [];
  const factsByDoc = new Map<string, CountFact[]>();
  const refsByDoc = new Map<string, CountRef[]>();
  const eventOrd = new Map<string, number>();
  for (const r of reports) {
    const { counts, ordinals } = kept(r.adjusted);
    const list = assigned.byDoc.get(r.id) ?? [];
    const facts = ordinals.map((o) => r.facts[o]!);
    factsByDoc.set(r.id, facts);
    const refs: CountRef[] = [];
    counts.forEach((count, index) => {
      const a = list[ordinals[index]!]!;
      const ref: CountRef = { doc: r.id, index, count, core: facts[index]?.core ?? count.sentence };
      refs.push(ref);
      if (!eventOrd.has(a.event)) eventOrd.set(a.event, r.order * 1e4 + index);
      eventCounts.push({ ...ref, event: a.event, eventLabel: assigned.labels.get(a.event) ?? a.label, eventReason: a.reason });
    });
    refsByDoc.set(r.id, refs);
  }
  const factOf = (ref: CountRef) => factsByDoc.get(ref.doc)?.[ref.index];
  const orderOf = new Map(reports.map((r) => [r.id, r.order]));
  const countsOf = groupedBy(eventCounts, (c) => c.event);

  // Which events to rebuild: all on a first or full build; else those of the reports that changed,
  // and those whose label or place among events moved.
  const storedEvents = new Map((await store.getRows<EventRow>(SETS.events)).map((r) => [r.key, r]));
  let touched: Set<string>;
  if (prev === null) touched = new Set([...countsOf.keys(), ...storedEvents.keys()]);
  else {
    const staleDocs = stale.flatMap((k) => k.split('\t'));
    const partners = paired.pairs.flatMap((p) => [p.a, p.b]);
    // A build with fewer reviews applied than the last (none, say) redoes every reviewed report.
    const fromReview = Math.min(prev.reviews, opts.reviews ?? 0);
    const changed = await changedReports(store, fromReview, ids, grouped.groupOf, [...assigned.redone, ...staleDocs, ...partners, ...decidedDocs]);
    touched = new Set();
    for (const doc of changed) {
      for (const a of assigned.byDoc.get(doc) ?? []) touched.add(a.event);
      for (const a of assigned.before.get(doc) ?? []) touched.add(a.event);
    }
    for (const [key, list] of countsOf) {
      const row = storedEvents.get(key);
      if (row === undefined || row.ord !== eventOrd.get(key) || row.data.label !== list[0]!.eventLabel) touched.add(key);
    }
    for (const key of storedEvents.keys()) if (!countsOf.has(key)) touched.add(key);
  }
  const builds: EventBuild[] = [];
  for (const key of touched) {
    const list = countsOf.get(key);
    if (list === undefined) continue;
    const docs = new Set(list.map((c) => c.doc));
    builds.push({
      summary: { key, label: list[0]!.eventLabel, counts: list.length, reports: docs.size },
      ord: eventOrd.get(key)!,
      figures: buildFigures(list, { reports, sources, ownKind: (ref) => factOf(ref)?.kind ?? 'none' }),
      checks: runChecks(list, { sources }).filter((c) => !listedTogether(c, factOf)),
    });
  }
  const oldFigures = touched.size ? (await store.getRows(SETS.figures, { groups: [...touched] })).map((r) => r.key) : [];
  const perEvent = eventRows(builds, [...touched], oldFigures);
  if (prev === null) for (const c of perEvent) c.clear = 'all';

  const timeline = buildTimeline(reports.map((r) => {
    const dates = opts.adjustDates ? opts.adjustDates(r.id, r.dates) : r.dates;
    const inSentence = countsWithin(refsByDoc.get(r.id) ?? []);
    const sentences: DatedSentence[] = [];
    r.dated.forEach((d, i) => {
      const date = dates[i];
      if (date !== null && date !== undefined) sentences.push({ doc: r.id, date, sentence: d.sentence, sentenceText: d.sentenceText, counts: inSentence(d.sentence) });
    });
    return { doc: r.id, published: r.meta.published, sentences };
  }));
  const exonyms = opts.exonyms as [string, string][] | undefined;
  const entities = clusterNames(reports.flatMap((r) => r.entities.map((e) => e.text)), { exonyms });
  const canonical = new Map<string, string>();
  for (const c of entities) for (const n of c.names) canonical.set(n.name, c.canonical);
  const entityMentions: NonNullable<ReconcileRecord['entityMentions']> = {};
  for (const r of reports) {
    for (const e of r.entities) {
      const slot = (entityMentions[canonical.get(e.text) ?? e.text] ??= { kind: e.kind, mentions: [] });
      if (slot.mentions.length < 200) slot.mentions.push({ doc: r.id, span: e.span });
    }
  }

  const record = {
    builtAt: new Date().toISOString(),
    documents: reports.length,
    timeline: timeline.entries,
    publications: timeline.publications,
    sources: { groups: grouped.groups, groupOf: grouped.groupOf, pairs, possible: grouped.possible },
    entities,
    entityMentions,
  };
  const dropStale: RowChange[] = stale.length ? [{ set: SETS.pairs, clear: { keys: stale } }] : [];
  await store.putRows([...dropStale, ...assigned.changes, ...perEvent, ...wholeRows(record, opts.reviews ?? 0, (doc) => orderOf.get(doc) ?? 0)]);
  return {
    builtAt: record.builtAt, documents: record.documents, figures: await store.countRows(SETS.figures),
    sourceGroups: grouped.groups.length, rebuiltEvents: builds.length, events: countsOf.size,
  };
}
