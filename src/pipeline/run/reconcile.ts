/**
 * Reconcile: read every current report from the store, update the shared-passage index with the
 * reports it has not seen (incremental), then rebuild groups, figures, checks, timeline and
 * entities (cheap, per corpus), and keep the result as a record.
 */
import type { Count } from '../../domain/types.js';
import type { Store } from '../../storage/store.js';
import type { CheckResult, ReportInput, SourcePair } from '../3-reconcile/types.js';
import {
  SourceIndex, assignEvents, buildFigures, buildTimeline, clusterNames, datedSentences, groupSources,
  makeCountRefs, runChecks, sourceLookup,
} from '../3-reconcile/index.js';
import type { SourceIndexData } from '../3-reconcile/index.js';
import type { CountAdjuster, DateAdjuster, EventSummary, ReconcileRecord } from './record.js';
import { RECONCILE_BUILT_KEY, RECONCILE_KEY } from './record.js';
import type { ReconcileBuilt } from './record.js';
import { extractExtras } from '../2-extract/extras.js';
import type { Extras } from '../2-extract/extras.js';

/** Record key of the shared-passage index (shingles and buckets), kept between runs so each report is shingled once. */
export const SOURCE_INDEX_KEY = 'source-index';

/** Record key of the ids the index holds and the pairs it found: all a run with nothing new reads. */
export const SOURCE_PAIRS_KEY = 'source-pairs';

/** Options for `reconcile`. */
export interface ReconcileOptions {
  /** Applies curators' reviews to counts (see CountAdjuster). */
  adjust?: CountAdjuster;
  /** Applies curators' reviews to dates: rejected dates leave the timeline, corrected ones move. */
  adjustDates?: DateAdjuster;
  /** Known other names of places, passed in as data: [["Khankendi", "Stepanakert"], …]. */
  exonyms?: string[][];
}

/**
 * Two figures listed in one clause ("25 children lost both parents, and 130 lost one") count
 * different people; only a break (";", a new sentence) between them makes them rival statements.
 */
function listedTogether(c: CheckResult, texts: ReadonlyMap<string, string>): boolean {
  if (c.kind !== 'contradiction' || c.counts.length !== 2) return false;
  const [a, b] = c.counts as [CheckResult['counts'][number], CheckResult['counts'][number]];
  if (a.doc !== b.doc || a.count.sentence.start !== b.count.sentence.start) return false;
  const [x, y] = a.count.span.start < b.count.span.start ? [a, b] : [b, a];
  return !/[;.]/.test(texts.get(a.doc)?.slice(x.count.span.end, y.count.span.start) ?? ';');
}

/** The source index as stored: integer arrays as base64 (a fifth of JSON's size), pairs kept apart. */
interface PackedSnapshot {
  options: SourceIndexData['options'];
  docs: Array<{ id: string; fingerprint: number; starts: string; ends: string; shingles: string }>;
  /** Bucket entries in slices, so no one string grows with the corpus. */
  buckets?: { k1: string[]; k2: string[]; docs: string[] };
  /** Only in records written before SOURCE_PAIRS_KEY. */
  pairs?: SourcePair[];
}

/** What SOURCE_PAIRS_KEY holds. */
interface StoredPairs {
  ids: string[];
  pairs: SourcePair[];
}

const int32 = (a: ArrayLike<number>) => (a instanceof Int32Array ? a : Int32Array.from(a));
const toB64 = (a: ArrayLike<number>) => {
  const ints = int32(a);
  return Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength).toString('base64');
};
// A copy of its own: a small decoded Buffer is a slice of a shared pool.
const fromB64 = (s: string): Int32Array => {
  const b = Buffer.from(s, 'base64');
  const out = new Int32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
};
const SLICE = 1 << 18;
const toSlices = (a: Int32Array) => {
  const out: string[] = [];
  for (let i = 0; i < a.length; i += SLICE) out.push(toB64(a.subarray(i, i + SLICE)));
  return out;
};
const fromSlices = (s: readonly string[]): Int32Array => {
  const parts = s.map(fromB64);
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function pack(s: Required<SourceIndexData>): PackedSnapshot {
  const b = s.buckets;
  return {
    options: s.options,
    docs: s.docs.map((d) => ({ id: d.id, fingerprint: d.fingerprint, starts: toB64(d.starts), ends: toB64(d.ends), shingles: toB64(d.shingles) })),
    buckets: { k1: toSlices(int32(b.k1)), k2: toSlices(int32(b.k2)), docs: toSlices(int32(b.docs)) },
  };
}

function unpack(s: PackedSnapshot, pairs: SourcePair[]): SourceIndexData {
  const b = s.buckets;
  return {
    options: s.options,
    docs: s.docs.map((d) => ({ id: d.id, fingerprint: d.fingerprint, starts: fromB64(d.starts), ends: fromB64(d.ends), shingles: fromB64(d.shingles) })),
    pairs,
    ...(b ? { buckets: { k1: fromSlices(b.k1), k2: fromSlices(b.k2), docs: fromSlices(b.docs) } } : {}),
  };
}

/**
 * The pairs among `reports`, indexing the reports not yet indexed. When every report is, only
 * the stored pairs are read: the index itself is restored only to add to it.
 */
async function sharedPassages(store: Store, reports: readonly ReportInput[]): Promise<{ pairs: SourcePair[]; write: Record<string, unknown> }> {
  const known = await store.getRecord<StoredPairs>(SOURCE_PAIRS_KEY);
  if (known !== null) {
    const ids = new Set(known.ids);
    if (reports.every((r) => ids.has(r.id))) return { pairs: known.pairs, write: {} };
  }
  const stored = await store.getRecord<PackedSnapshot>(SOURCE_INDEX_KEY);
  const index = stored ? SourceIndex.restore(unpack(stored, known?.pairs ?? stored.pairs ?? [])) : new SourceIndex();
  let added = 0;
  for (const r of reports) if (!index.has(r.id)) { index.add(r.id, r.text); added++; }
  const pairs = index.pairs();
  if (!added && known !== null) return { pairs, write: {} };
  return { pairs, write: { [SOURCE_INDEX_KEY]: pack(index.view()), [SOURCE_PAIRS_KEY]: { ids: index.ids(), pairs } satisfies StoredPairs } };
}

/** Entity mentions by canonical name, quotes, and citations linked to the counts of their sentence. */
function extrasRecord(reports: readonly ReportInput[], extras: ReadonlyMap<string, Extras>, clusters: ReturnType<typeof clusterNames>) {
  const canonical = new Map<string, string>();
  for (const c of clusters) for (const n of c.names) canonical.set(n.name, c.canonical);
  const entityMentions: NonNullable<ReconcileRecord['entityMentions']> = {};
  const quotes: NonNullable<ReconcileRecord['quotes']> = [];
  const citations: NonNullable<ReconcileRecord['citations']> = [];
  for (const r of reports) {
    const x = extras.get(r.id)!;
    for (const e of x.entities) {
      const name = canonical.get(e.text) ?? e.text;
      const slot = (entityMentions[name] ??= { kind: e.kind, mentions: [] });
      if (slot.mentions.length < 200) slot.mentions.push({ doc: r.id, span: e.span });
    }
    for (const q of x.quotes) quotes.push({ ...q, doc: r.id });
    for (const m of x.citations.markers) {
      // A marker ends its sentence; the counts whose sentence overlaps it are what it cites.
      const counts = r.counts.flatMap((c, i) => (c.sentence.start < m.sentence.end && m.sentence.start < c.sentence.end ? [i] : []));
      citations.push({ doc: r.id, marker: m, entry: m.entry === null ? null : x.citations.entries[m.entry] ?? null, counts });
    }
  }
  return { entityMentions, quotes, citations };
}

/** Drops rejected counts (null), renumbering breakdown links so each part still names its total. */
function withoutRejected(adjusted: Array<Count | null>): Count[] {
  const newIndex = new Map<number, number>();
  const kept: Count[] = [];
  adjusted.forEach((c, i) => {
    if (c !== null) { newIndex.set(i, kept.length); kept.push(c); }
  });
  return kept.map((c) => {
    if (c.partOf === undefined) return c;
    const to = newIndex.get(c.partOf);
    const { partOf: _dropped, ...rest } = c;
    return to === undefined ? rest : { ...rest, partOf: to };
  });
}

/** Builds, stores and returns the reconciled record of everything in the store. */
export async function reconcile(store: Store, opts: ReconcileOptions = {}): Promise<ReconcileRecord> {
  const reports: ReportInput[] = [];
  for await (const x of store.allExtractions()) {
    const counts = opts.adjust ? withoutRejected(opts.adjust(x.id, x.extraction.counts)) : x.extraction.counts;
    const dates = opts.adjustDates ? opts.adjustDates(x.id, x.extraction.dates).filter((d) => d !== null) : x.extraction.dates;
    reports.push({ id: x.id, text: x.text, meta: x.meta, counts, dates });
  }
  const ids = reports.map((r) => r.id);
  const current = new Set(ids);

  // The one costly step, done once per report: shingling and MinHash of reports not yet indexed.
  const shared = await sharedPassages(store, reports);
  // Superseded versions stay indexed (their text is kept) but speak for nothing now.
  const pairs: SourcePair[] = shared.pairs.filter((p) => current.has(p.a) && current.has(p.b));
  const grouped = groupSources(ids, pairs);
  const sources = sourceLookup(pairs, grouped.groupOf);

  const exonyms = opts.exonyms as [string, string][] | undefined;
  const extras = new Map<string, Extras>(reports.map((r) => [r.id, extractExtras(r.text)]));
  const places = reports.map((r) => extras.get(r.id)!.entities.filter((e) => e.kind === 'place').map((e) => e.text));
  const eventCounts = assignEvents(reports, { exonyms, places });
  const figures = buildFigures(eventCounts, { reports, sources });
  const texts = new Map(reports.map((r) => [r.id, r.text]));
  const checks = runChecks(eventCounts, { sources }).filter((c) => !listedTogether(c, texts));
  const timeline = buildTimeline(reports.map((r) => ({ doc: r.id, published: r.meta.published, sentences: datedSentences(r, makeCountRefs(r)) })));
  const entities = clusterNames(reports.flatMap((r) => extras.get(r.id)!.entities.map((e) => e.text)), { exonyms });
  const { entityMentions, quotes, citations } = extrasRecord(reports, extras, entities);

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
    quotes,
    citations,
  };
  const built: ReconcileBuilt = { builtAt: record.builtAt, documents: record.documents };
  await store.putRecords({ [RECONCILE_KEY]: record, [RECONCILE_BUILT_KEY]: built, ...shared.write });
  return record;
}
