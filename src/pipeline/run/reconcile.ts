/**
 * Reconcile over stored rows: each new report is compared once with the earlier reports it
 * shares LSH buckets with (by index lookup); each count's event is assigned once and kept while
 * the corpus's event context holds; figures, checks, timeline and entities are then rebuilt from
 * the stored extraction rows, without reading or re-extracting any text, and written as rows.
 */
import type { Count, DateMention, DocumentMeta } from '../../domain/types.js';
import type { RowChange, Store } from '../../storage/store.js';
import type { CheckResult, CountRef, EventCount, SourcePair } from '../3-reconcile/types.js';
import { buildFigures, buildTimeline, clusterNames, groupSources, runChecks, sourceLookup } from '../3-reconcile/index.js';
import type { EventMention } from '../3-reconcile/index.js';
import type { CountAdjuster, DateAdjuster, EventSummary, ReconcileRecord } from './record.js';
import { SETS } from './record.js';
import { assignEvents } from './assign.js';
import type { CountFact, DatedPart, DerivedParts } from './derive.js';
import { backfillDerived, pairNewReports } from './reconcile-sources.js';
import { recordRows } from './record-rows.js';

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
      id: x.id, meta: x.meta, extracted: counts,
      adjusted: opts.adjust ? opts.adjust(x.id, counts) : counts,
      dates: x.extraction.dates,
      facts: p.facts ?? [], mentions: p.mentions ?? [], dated: p.dated ?? [], entities: p.entities ?? [],
    });
  }
  return out;
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

/** Builds the reconciled record of everything in the store, writes it as rows, and returns it. */
export async function reconcile(store: Store, opts: ReconcileOptions = {}): Promise<ReconcileRecord> {
  await backfillDerived(store);
  if (opts.full) await store.resetSources([{ set: SETS.pairs, clear: 'all' }, { set: SETS.counters, clear: { keys: ['pairs'] } }]);
  await pairNewReports(store);
  const reports = await load(store, opts);
  const ids = reports.map((r) => r.id);
  const current = new Set(ids);

  // Superseded versions stay compared (their text is kept) but speak for nothing now.
  const stored = await store.getRows<SourcePair>(SETS.pairs);
  const pairs: SourcePair[] = stored.map((r) => r.data).filter((p) => current.has(p.a) && current.has(p.b));
  const stale = stored.filter((r) => !current.has(r.data.a) || !current.has(r.data.b)).map((r) => r.key);
  const grouped = groupSources(ids, pairs);
  const sources = sourceLookup(pairs, grouped.groupOf);

  const assigned = await assignEvents(store, reports.map((r) => ({ id: r.id, counts: r.extracted, mentions: r.mentions, entities: r.entities })), opts);
  const eventCounts: EventCount[] = [];
  const factsByDoc = new Map<string, CountFact[]>();
  const refsByDoc = new Map<string, CountRef[]>();
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
      eventCounts.push({ ...ref, event: a.event, eventLabel: assigned.labels.get(a.event) ?? a.label, eventReason: a.reason });
    });
    refsByDoc.set(r.id, refs);
  }
  const factOf = (ref: CountRef) => factsByDoc.get(ref.doc)?.[ref.index];

  const figures = buildFigures(eventCounts, { reports, sources, ownKind: (ref) => factOf(ref)?.kind ?? 'none' });
  const checks = runChecks(eventCounts, { sources }).filter((c) => !listedTogether(c, factOf));
  const timeline = buildTimeline(reports.map((r) => {
    const dates = opts.adjustDates ? opts.adjustDates(r.id, r.dates) : r.dates;
    const refs = refsByDoc.get(r.id) ?? [];
    const sentences = r.dated.flatMap((d, i) => {
      const date = dates[i];
      if (date === null || date === undefined) return [];
      const inside = refs.filter((c) => d.sentence.start <= c.count.span.start && c.count.span.end <= d.sentence.end);
      return [{ doc: r.id, date, sentence: d.sentence, sentenceText: d.sentenceText, counts: inside }];
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

  const events = new Map<string, EventSummary & { docs: Set<string> }>();
  for (const c of eventCounts) {
    const e = events.get(c.event) ?? { key: c.event, label: c.eventLabel, counts: 0, reports: 0, docs: new Set<string>() };
    e.counts++;
    e.docs.add(c.doc);
    events.set(c.event, e);
  }
  const record: ReconcileRecord = {
    builtAt: new Date().toISOString(),
    documents: reports.length,
    events: [...events.values()].map(({ docs, ...e }) => ({ ...e, reports: docs.size })),
    figures,
    checks,
    timeline: timeline.entries,
    publications: timeline.publications,
    sources: { groups: grouped.groups, groupOf: grouped.groupOf, pairs, possible: grouped.possible },
    entities,
    entityMentions,
  };
  const dropStale: RowChange[] = stale.length ? [{ set: SETS.pairs, clear: { keys: stale } }] : [];
  await store.putRows([...dropStale, ...assigned.changes, ...recordRows(record, opts.reviews ?? 0)]);
  return record;
}
