/**
 * Reconcile over stored rows: each new report is compared once with the earlier reports it
 * shares LSH buckets with (by index lookup); each count's event is assigned once and kept while
 * the corpus's event context holds; figures, checks, timeline and entities are then rebuilt from
 * the stored extraction rows, without reading or re-extracting any text, and written as rows.
 */
import type { Count, DateMention, DocumentMeta, Span } from '../../domain/types.js';
import type { Change, LinkChange, RowChange, Store, StoredRow } from '../../storage/store.js';
import type { CheckResult, CountRef, DatedSentence, EventCount, TimelineEntry } from '../3-reconcile/types.js';
import { plainValue, statementFrequency, Timeline } from '../3-reconcile/timeline/timeline.js';
import { compareEdtf } from '../3-reconcile/timeline/edtf.js';
import { buildTimeline, buildFigures, clusterNames, runChecks, sourceLookup, UNASSIGNED } from '../3-reconcile/index.js';
import { EVENT_NOUNS } from '../3-reconcile/figures/event-mentions.js';
import { sourceScope } from './source-scope.js';
import { entityDecisions } from './entity-decisions.js';
import { allMetaEdits, applyMetaEdit, editedSince, redated, type MetaEdit } from './meta-edits.js';
import type { DerivedQuery, StoredDerived } from '../../storage/store.js';
import { Roster } from './roster.js';
import { upTo } from './horizon.js';
import { sourceDecisions } from './source-decisions.js';
import { reviewedSince } from './review-scope.js';
import { Tallies, TALLY_LAYOUT, talliesOfAll } from './tallies.js';
import type { EventMention } from '../3-reconcile/index.js';
import type { KeyLink } from '../3-reconcile/entities/aliases.js';
import type { CountAdjuster, DateAdjuster, EventRow } from './record.js';
import { ASSIGN_CONTEXT_KEY, RECORD_LAYOUT, SETS } from './record.js';
import { assignEvents, eventDocLinks } from './assign.js';
import { patchClusters } from './entity-clusters.js';
import type { ContextNames } from './assign.js';
import type { CountFact, DatedPart, DerivedParts } from './derive.js';
import { entitiesOf } from './derive.js';
import { backfillDerived, pairNewReports } from './reconcile-sources.js';
import { buildInfo, eventRows, FIGURE_LAYOUT, headFigureRows, madeAt, PER_EVENT, timelineRange, timelineRows, wholeRows, type GroupScope } from './record-rows.js';
import { groupedBy } from '../3-reconcile/checks/select.js';
import type { CountOrigin, EventBuild } from './record-rows.js';
import { settleHeap } from './heap.js';
import { forget, recalled, remember } from './build-memo.js';
import { candidateEntries, entryLinks, indexStored, newOrder, readOrder } from './timeline-index.js';
import type { WordOrder } from './timeline-index.js';
import type { Logger } from '../../domain/logger.js';

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
  /**
   * Reports a first or full build takes at a time (default FIRST_STEP): it builds the first
   * stretch, then adds each next one as a later build would, so its memory is that of one
   * stretch and the incidents it touches. The rows are those one build of everything gives.
   */
  step?: number;
  /** Told after each stretch of a first or full build: reports built so far, of how many. */
  onStep?: (done: number, total: number) => void;
  /** Reports an incident build reads at a time (default EVENT_BATCH_REPORTS; an incident of more is read alone). */
  eventBatch?: number;
  /** Only note the incidents this build touches as owed (a stretch of a first build but the last: see `reconcile`). */
  deferEvents?: boolean;
  /** Told of long one-time work on an archive stored before (indexing its timeline). */
  logger?: Logger;
}

/** Reports a first or full build takes at a time. */
export const FIRST_STEP = 10_000;

/** One current report as reconciliation holds it: no text. */
interface Loaded {
  id: string;
  /** Ingestion order and version at its path (see StoredDerived). */
  order: number;
  version: number;
  /** The metadata with a curator's edit laid over it: the report is dated by the edited date. */
  meta: DocumentMeta;
  /** When the edit was made, if there is one. */
  editedAt?: string;
  /** Counts as extracted, and as reviewed (null: rejected). */
  extracted: Count[];
  adjusted: Array<Count | null>;
  /** Dates as extracted, and with relative ones counted from an edited date (null: no longer resolved). */
  extractedDates: DateMention[];
  dates: Array<DateMention | null>;
  facts: CountFact[];
  mentions: EventMention[];
  dated: DatedPart[];
  entities: DerivedParts['entities'];
  /** Read without its event mentions and entities (LEAN): what building incidents and the timeline needs, not assignment. */
  lean?: true;
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
      const to = c.partOf === undefined ? undefined : newIndex.get(c.partOf);
      // Unchanged where nothing before it was dropped: the stored count itself (its mention row need not copy it).
      if (c.partOf === undefined || to === c.partOf) return c;
      const { partOf: _dropped, ...rest } = c;
      return to === undefined ? rest : { ...rest, partOf: to };
    }),
  };
}

/** The derived parts a build reads of the reports it works on. */
const PARTS = ['facts', 'mentions', 'dated', 'entities'] as const;
/** The parts an incident's or a date value's build reads: a report's mentions and entities are for assignment and tallies only. */
const LEAN = ['facts', 'dated'] as const;

/** A report as reconciliation holds it, from its stored extraction and parts, with its metadata as curated. */
function loaded(x: StoredDerived, edits: ReadonlyMap<string, MetaEdit>, opts: ReconcileOptions, lean = false): Loaded {
  const p = x.parts as Partial<DerivedParts>;
  const counts = x.extraction.counts;
  const edit = edits.get(x.id);
  const meta = applyMetaEdit(x.meta, edit);
  return {
    id: x.id, order: x.order, version: x.version, meta, ...(edit ? { editedAt: edit.at } : {}), extracted: counts,
    adjusted: opts.adjust ? opts.adjust(x.id, counts) : counts,
    extractedDates: x.extraction.dates, dates: redated(x.extraction.dates, x.meta.published, meta.published),
    facts: p.facts ?? [], mentions: p.mentions ?? [], dated: p.dated ?? [], entities: entitiesOf(x.parts.entities),
    ...(lean ? { lean: true as const } : {}),
  };
}

/** Reads every current report (or those the query names: some ids, or those stored after a position), in ingestion order, with its extraction and derived parts. */
async function load(store: Store, edits: ReadonlyMap<string, MetaEdit>, opts: ReconcileOptions, query: DerivedQuery = {}, lean = false): Promise<Loaded[]> {
  const out: Loaded[] = [];
  if (query.ids !== undefined && query.ids.length === 0) return out;
  for await (const x of store.allDerived(lean ? LEAN : PARTS, query)) out.push(loaded(x, edits, opts, lean));
  return out;
}

/** Every current report's id and ingestion order, without its extraction or parts. */
async function listReports(store: Store): Promise<Array<{ id: string; order: number }>> {
  const out: Array<{ id: string; order: number }> = [];
  for await (const x of store.allDerived([], { extraction: false })) out.push({ id: x.id, order: x.order });
  return out;
}

/** A report's dates as reviewed; a date no review changed as its report's (edited) date gives it. */
function datesOf(r: Loaded, opts: ReconcileOptions): ReadonlyArray<DateMention | null> {
  if (!opts.adjustDates) return r.dates;
  return opts.adjustDates(r.id, r.extractedDates).map((d, i) => (d === r.extractedDates[i] ? r.dates[i]! : d));
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

/** Date values a stretch of a first build left owed, and how their reports are read (and let go, once built). */
interface TimelineOwing {
  values: ReadonlySet<string>;
  read(ids: readonly string[]): Promise<Loaded[]>;
  done(ids: readonly string[]): void;
}

/** Which reports have statements under each value: what a later build of the value reads. */
function valueDocChanges(valuesOf: ReadonlyMap<string, readonly string[]>, changed: ReadonlySet<string> | null, stored: ReadonlyMap<string, readonly string[]>): LinkChange {
  // A report's links are its values (`dated-values`, stored beside them): only those it gains or loses change.
  const add: Array<readonly [string, string]> = [];
  const remove: Array<readonly [string, string]> = [];
  for (const doc of changed ?? valuesOf.keys()) {
    const now = new Set(valuesOf.get(doc) ?? []);
    const was = new Set(stored.get(doc) ?? []);
    for (const v of now) if (!was.has(v)) add.push([v, doc]);
    for (const v of was) if (!now.has(v)) remove.push([v, doc]);
  }
  return changed === null ? { links: SETS.valueDocs, clear: 'all', add } : { links: SETS.valueDocs, remove, add };
}

/**
 * The timeline's row changes. Statements are merged only with others of the same date value,
 * so a build redoes just the values that the reports in scope have or had (all of them on a
 * first or full build, `scope` null), and those reports' publications. When every report in
 * scope is new (`appendOnly`), they come after every stored statement: the stored entries of
 * their values are taken up as they are and the new statements merged into them, which gives
 * what a rebuild of those values would.
 */
/** What of the timeline a build changes: the reports in scope; `appendOnly`: they are only new; `recount`: only reviewed, maybe in their counts alone. */
interface TimelineScopeIn {
  docs: Set<string>;
  appendOnly: boolean;
  lastRange?: { start: string; end: string } | null;
  recount?: boolean;
  /** Publication dates stored by the last build (its count, not counted again). */
  publications?: number;
  /** When the last build was made (what the timeline index's order kept in memory is valid for: see build-memo.ts). */
  builtAt?: string;
}

async function timelineChanges(store: Store, reports: readonly Loaded[], scope: TimelineScopeIn | null, refsByDoc: ReadonlyMap<string, CountRef[]>, opts: ReconcileOptions, roster: Roster, owing: TimelineOwing): Promise<{ changes: Change[]; range: { start: string; end: string } | null; publications: number; order: WordOrder | null }> {
  const orderOf = (doc: string) => roster.orderOf(doc);
  const sentencesOf = (r: Loaded, keep?: ReadonlySet<string>): DatedSentence[] => {
    if (r.dated.length === 0) return [];
    const dates = datesOf(r, opts);
    let inSentence: ((span: Span) => CountRef[]) | undefined;
    const out: DatedSentence[] = [];
    r.dated.forEach((d, i) => {
      const date = dates[i];
      if (date === null || date === undefined || (keep !== undefined && !keep.has(plainValue(date.value)))) return;
      inSentence ??= countsWithin(refsByDoc.get(r.id) ?? countRefs(r).refs);
      out.push({ doc: r.id, date, sentence: d.sentence, sentenceText: d.sentenceText, counts: inSentence(d.sentence) });
    });
    return out;
  };
  const changed = scope?.docs ?? null;
  // The last build's range, which one that only adds can only widen (not after stretches that left the timeline owed: their range is not made).
  const lastRange = scope?.lastRange;
  const inScope = changed === null ? reports : reports.filter((r) => changed.has(r.id));
  const own = new Map(inScope.map((r) => [r.id, sentencesOf(r)]));
  const valuesOf = new Map([...own].map(([doc, list]) => [doc, [...new Set(list.map((x) => plainValue(x.date.value)))].sort()]));
  let values: Set<string> | null = null;
  // The stored values of the reports in scope: what their statements stood under before.
  const storedValues = new Map<string, string[]>();
  if (changed !== null) {
    values = new Set([...valuesOf.values()].flat());
    for (const row of changed.size ? await store.getRows<string[]>(SETS.datedValues, { keys: [...changed] }) : []) {
      storedValues.set(row.key, row.data);
      for (const v of row.data) values.add(v);
    }
  }
  // The index's word order: fixed afresh when the whole timeline is in scope, else as stored (none: no index, every entry of a value is read).
  const fixed = changed === null ? newOrder([...own.values()].map((sentences) => ({ sentences }))) : null;
  // A timeline stored before the index is indexed once, by the first build that adds to it.
  if (fixed !== null) forget(store, SETS.timelineOrder);
  const order = fixed?.order ?? recalled<WordOrder>(store, SETS.timelineOrder, scope?.builtAt) ?? await readOrder(store)
    ?? (opts.deferEvents !== true ? (forget(store, SETS.timelineOrder), await indexStored(store, (m, f) => opts.logger?.info(m, f))) : null);
  const indexed = fixed?.changes ?? [];
  if (opts.deferEvents === true) {
    // A stretch of a first build notes the values its statements stand under; the last builds them.
    const rowScope = { values: values === null ? null : new Set<string>(), docs: changed };
    const { publications } = buildTimeline(inScope.map((r) => ({ doc: r.id, published: r.meta.published, sentences: own.get(r.id)! })), { publicationsOnly: true });
    const changes: Change[] = [...indexed, ...timelineRows([], publications, valuesOf, rowScope, orderOf), valueDocChanges(valuesOf, changed, storedValues)];
    const noted = values ?? new Set([...valuesOf.values()].flat());
    changes.push({ set: SETS.timelineOwed, rows: [...noted].map((key) => ({ key, data: 1 })) });
    const published = changed === null ? publications.length : await publicationsBefore(store, scope, changed) + publications.length;
    return { changes, range: null, publications: published, order };
  }
  if (values !== null && owing.values.size > 0) {
    // Values a stretch left owed: built from every report with a statement under them, a batch of
    // values at a time, each written as built; what this build changed of them is in.
    const mine = new Map<string, string[]>();
    for (const [doc, list] of valuesOf) for (const v of list) (mine.get(v) ?? mine.set(v, []).get(v)!).push(doc);
    const batches = await batchesOf([...owing.values].sort(), opts.eventBatch ?? EVENT_BATCH_REPORTS, async (vals) => {
      const out = new Map(vals.map((v) => [v, new Set(mine.get(v) ?? [])]));
      for (const [value, doc] of await store.getLinks(SETS.valueDocs, vals)) out.get(value)!.add(doc);
      return out;
    });
    for (const batch of batches) {
      const inBatch = new Set(batch.events);
      const read = await owing.read([...batch.members]);
      const built = buildTimeline(read.map((r) => ({ doc: r.id, published: r.meta.published, sentences: sentencesOf(r, inBatch) }))).entries;
      await store.putRows([...indexed.splice(0), ...timelineRows(built, [], new Map(), { values: inBatch, docs: new Set() }, orderOf), ...(order ? [entryLinks(built, order)] : [])]);
      owing.done(read.map((r) => r.id));
      for (const v of batch.events) values.delete(v);
      settleHeap();
    }
  }
  const keep = values ?? undefined;
  const ownIn = (doc: string) => {
    const mine = own.get(doc)!;
    return keep === undefined ? mine : mine.filter((x) => keep.has(plainValue(x.date.value)));
  };
  let entries: TimelineEntry[];
  let changedOnly: TimelineEntry[] | undefined;
  // The values' stored rows, when only the entries made since are counted into them.
  let base: Array<StoredRow<number>> | undefined;
  let links: LinkChange[] = [];
  let pool = reports;
  const recount = scope?.recount === true && values !== null && order !== null
    ? await recounted(store, inScope, own, storedValues, valuesOf, refsByDoc, order) : null;
  if (scope?.recount === true && recount === null) {
    // More than counts changed: every report of the values is read, as for any other change.
    const more = await owing.read(await timelineDocs(store, inScope, changed!, opts));
    const have = new Set(reports.map((r) => r.id));
    pool = [...reports, ...more.filter((r) => !have.has(r.id))].sort((a, b) => a.order - b.order);
  }
  if (recount !== null) {
    entries = [];
    changedOnly = recount;
    await roster.current(changedOnly.map((e) => e.statements[0]!.doc));
    base = values!.size ? await store.getRows<number>(SETS.timelineValues, { keys: [...values!] }) : [];
  } else if (scope?.appendOnly === true && values !== null) {
    const added = inScope.map((r) => ({ doc: r.id, published: r.meta.published, sentences: ownIn(r.id) }));
    // The stored entries the new statements could join (with an index), else every entry of their values; in the order made: by their first statement's report, then its place there, as their keys tell.
    const stored = order !== null ? await candidateEntries(store, added.flatMap((r) => r.sentences), order, madeAt)
      : values.size ? (await store.getRows<TimelineEntry>(SETS.timeline, { groups: [...values] })).map((r) => ({ at: madeAt(r.key), e: r.data })).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((r) => r.e) : [];
    // Words in index order by how often the new statements have them: a stored statement's
    // words none of them has come first, and are never looked up (any order gives the same timeline).
    const t = new Timeline({ frequency: statementFrequency(added) });
    for (const e of stored) t.seed(e);
    for (const r of added) t.addReport(r.doc, r.published, r.sentences);
    changedOnly = t.changedEntries();
    if (order !== null) {
      entries = t.madeEntries();
      base = values.size ? await store.getRows<number>(SETS.timelineValues, { keys: [...values] }) : [];
      const mine = new Set(inScope.map((r) => r.id));
      links = [entryLinks(changedOnly, order, (st) => mine.has(st.doc))];
    } else entries = t.entries();
    await roster.current(changedOnly.map((e) => e.statements[0]!.doc));
  } else {
    const input = pool.map((r) => ({
      doc: r.id, published: r.meta.published,
      sentences: own.has(r.id) ? ownIn(r.id) : keep?.size === 0 ? [] : sentencesOf(r, keep),
    }));
    entries = buildTimeline(input).entries;
    if (order !== null) links = [entryLinks(entries, order)];
  }
  // A publication entry holds its report's dateline mentions: built from the whole of each report in scope.
  const { publications } = buildTimeline(inScope.map((r) => ({ doc: r.id, published: r.meta.published, sentences: own.get(r.id)! })), { publicationsOnly: true });
  const rowScope = { values, docs: changed };
  const rowChanges = timelineRows(entries, publications, valuesOf, rowScope, orderOf, changedOnly, base);
  // Which reports have statements under each value: what a later build of the value reads.
  const changes: Change[] = [...indexed, ...rowChanges, ...links, valueDocChanges(valuesOf, changed, storedValues)];
  if (owing.values.size > 0) changes.push({ set: SETS.timelineOwed, clear: 'all' });
  // Reports with a publication date: the stored count, those in scope counted again.
  const pubs = publications.length;
  const published = changed === null ? pubs : await publicationsBefore(store, scope, changed) + pubs;
  if (pool !== reports) owing.done(pool.filter((r) => !reports.includes(r)).map((r) => r.id));
  return { changes, range: await timelineRange(store, rowScope, rowChanges, changedOnly !== undefined && owing.values.size === 0 ? lastRange : undefined), publications: published, order };
}

/**
 * The stored entries with reviewed reports' counts as they now read, when the reviews changed
 * nothing else of the timeline (a count corrected, not rejected; no date reviewed): each report's
 * event statements are those its entries hold, and each entry holds exactly the counts of its
 * statements, by position and span. Null when anything else changed (the values are then
 * built again from all their reports).
 */
async function recounted(store: Store, docs: readonly Loaded[], own: ReadonlyMap<string, DatedSentence[]>, storedValues: ReadonlyMap<string, readonly string[]>, valuesOf: ReadonlyMap<string, readonly string[]>, refsByDoc: ReadonlyMap<string, CountRef[]>, order: WordOrder): Promise<TimelineEntry[] | null> {
  const ids = new Set(docs.map((r) => r.id));
  const want = new Map<string, number>();
  const statementKey = (s: { doc: string; date: unknown; sentence: unknown }) => JSON.stringify([s.doc, s.date, s.sentence]);
  const countsOf = new Map<string, DatedSentence>();
  for (const r of docs) {
    if (JSON.stringify(storedValues.get(r.id) ?? []) !== JSON.stringify(valuesOf.get(r.id) ?? [])) return null;
    const pub = r.meta.published === undefined ? null : plainValue(r.meta.published);
    for (const st of own.get(r.id) ?? []) {
      // A dateline (its publication day, no counts) is a publication mention, not an event's statement.
      if (pub !== null && plainValue(st.date.value) === pub && (st.counts ?? []).length === 0) continue;
      const key = statementKey(st);
      want.set(key, (want.get(key) ?? 0) + 1);
      countsOf.set(key, st);
    }
  }
  const refs = new Map<string, CountRef>();
  for (const id of ids) for (const ref of refsByDoc.get(id) ?? []) refs.set(`${id}\u0001${ref.index}`, ref);
  const out: TimelineEntry[] = [];
  for (const e of await candidateEntries(store, [...countsOf.values()], order, madeAt)) {
    const mine = e.statements.filter((st) => ids.has(st.doc));
    if (mine.length === 0) continue;
    const expected: number[] = [];
    for (const st of mine) {
      const key = statementKey(st);
      const n = want.get(key);
      if (n === undefined) return null;
      if (n === 1) want.delete(key);
      else want.set(key, n - 1);
      for (const c of countsOf.get(key)!.counts ?? []) expected.push(c.index);
    }
    const held = e.counts.filter((c) => ids.has(c.doc));
    if (JSON.stringify(held.map((c) => c.index).sort((a, b) => a - b)) !== JSON.stringify(expected.sort((a, b) => a - b))) return null;
    let changedCounts = false;
    const counts: CountRef[] = [];
    for (const c of e.counts) {
      const now = ids.has(c.doc) ? refs.get(`${c.doc}\u0001${c.index}`) : c;
      if (now === undefined || now.count.span.start !== c.count.span.start || now.count.span.end !== c.count.span.end) return null;
      if (now !== c && JSON.stringify(now) !== JSON.stringify(c)) changedCounts = true;
      counts.push(now);
    }
    if (changedCounts) out.push({ ...e, counts });
  }
  // Every event statement of the reports is in an entry found.
  return want.size === 0 ? out : null;
}

/** The publication dates stored but those of the reports in scope (whose are made again). */
async function publicationsBefore(store: Store, scope: TimelineScopeIn | null, changed: ReadonlySet<string>): Promise<number> {
  const all = scope?.publications ?? await store.countRows(SETS.publications);
  return all - (changed.size ? await store.countRows(SETS.publications, { tags: [...changed] }) : 0);
}

/** The date values (as `plainValue`) a report's statements stand under. */
function valuesOfReport(r: Loaded, opts: ReconcileOptions): string[] {
  if (r.dated.length === 0) return [];
  const dates = datesOf(r, opts);
  const out = new Set<string>();
  r.dated.forEach((_, i) => { const d = dates[i]; if (d !== null && d !== undefined) out.add(plainValue(d.value)); });
  return [...out];
}

/**
 * The reports a timeline build that is not only appending must read besides those in scope:
 * every report with a statement under a date value the reports in scope have or had.
 */
async function timelineDocs(store: Store, inScope: readonly Loaded[], docs: ReadonlySet<string>, opts: ReconcileOptions): Promise<string[]> {
  const values = new Set(inScope.flatMap((r) => valuesOfReport(r, opts)));
  for (const row of docs.size ? await store.getRows<string[]>(SETS.datedValues, { keys: [...docs] }) : []) for (const v of row.data) values.add(v);
  if (values.size === 0) return [];
  return [...new Set((await store.getLinks(SETS.valueDocs, [...values])).map((l) => l[1]))];
}

/**
 * When an incident happened: the date value its count sentences give most often (uncertainty
 * marks aside; a report's own publication day counting half; the earliest on a tie), with how
 * many give it.
 */
function whenOf(list: readonly EventCount[], byId: ReadonlyMap<string, Loaded>): { when?: string; whenSupport?: number } {
  const tally = new Map<string, { value: string; n: number }>();
  const seen = new Set<string>();
  const sorted = new Map<string, DateMention[]>();
  for (const c of list) {
    const at = `${c.doc}\t${c.count.sentence.start}`;
    if (seen.has(at)) continue;
    seen.add(at);
    let dates = sorted.get(c.doc);
    if (dates === undefined) sorted.set(c.doc, (dates = (byId.get(c.doc)?.dates ?? []).filter((d) => d !== null).sort((a, b) => a.span.start - b.span.start)));
    const s = c.count.sentence;
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (dates[mid]!.span.start < s.start) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < dates.length && dates[i]!.span.start < s.end; i++) {
      const d = { date: dates[i]! };
      if (d.date.span.end > s.end) continue;
      const key = plainValue(d.date.value);
      // A dateline's day ("DELVAN, April 3 -") is when the report was written: it counts half.
      const weight = key === plainValue(byId.get(c.doc)?.meta.published ?? '') ? 0.5 : 1;
      const t = tally.get(key);
      if (t === undefined) tally.set(key, { value: d.date.value, n: weight });
      else t.n += weight;
    }
  }
  let best: { value: string; n: number } | undefined;
  for (const t of tally.values()) {
    if (best === undefined || t.n > best.n || (t.n === best.n && compareEdtf(t.value, best.value) < 0)) best = t;
  }
  return best === undefined ? {} : { when: best.value, whenSupport: Math.ceil(best.n) };
}

/** True when a label names a happening, not only a place: "earthquake in Port Aldo", "Khazrin massacre". */
function namesHappening(label: string): boolean {
  return label.toLowerCase().split(/\s+/).some((w) => EVENT_NOUNS.has(w) || EVENT_NOUNS.has(`${w}s`) || EVENT_NOUNS.has(w.replace(/s$/, '')));
}

/** Unplaced counts are listed, never compared with each other: they may speak of different incidents. */
const UNPLACED_VERDICT = { status: 'unplaced', reason: 'not compared: no sentence, paragraph or main incident of their reports places these counts, so they may speak of different incidents' } as const;

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
async function changedReports(store: Store, fromReview: number, toReview: number | null, regrouped: GroupScope, alsoChanged: Iterable<string>): Promise<{ changed: Set<string>; reviewed: Set<string> }> {
  let reviewed = new Set<string>();
  if (toReview !== null) reviewed = await reviewedSince(store, fromReview, toReview);
  // Reviews are appended, never changed: those after the build's number are new.
  else for (let offset = fromReview; ; offset += 1000) {
    const page = await store.listReviews({ offset, limit: 1000 });
    for (const r of page.items) reviewed.add(r.documentId);
    if (offset + 1000 >= page.total) break;
  }
  return { changed: new Set<string>([...alsoChanged, ...regrouped.docs, ...reviewed]), reviewed };
}

/**
 * Brings the reconciled record up to date and writes it as rows. Each new report is compared
 * once; each count's event is assigned once (again only where the corpus context changed what
 * its words mean); figures and checks are rebuilt only for the events whose reports changed;
 * the timeline, entities and source groups are rebuilt from stored rows. No text is
 * re-extracted; only reports assigned in this run are read. A build that only adds reports
 * or applies reviews lists no report it does not touch (see Roster).
 */
export async function reconcile(store: Store, opts: ReconcileOptions = {}): Promise<ReconcileSummary> {
  const stored = opts.full ? null : await buildInfo(store);
  if (stored !== null && stored.layout === RECORD_LAYOUT && stored.lastOrder !== undefined) return reconcileStep(store, opts);
  // A first or full build: in stretches of `step` reports, each a later build of the one before.
  const step = Math.max(1, opts.step ?? FIRST_STEP);
  const ends: number[] = [];
  let n = 0;
  let last = 0;
  for await (const x of store.allDerived([], { extraction: false })) {
    last = x.order;
    if (++n % step === 0) ends.push(x.order);
  }
  if (ends.at(-1) !== last) ends.push(last);
  let summary: ReconcileSummary | undefined;
  for (const [i, end] of ends.entries()) {
    // The last stretch sees the whole store, reports stored meanwhile too.
    summary = await reconcileStep(i === ends.length - 1 ? store : upTo(store, end), { ...opts, full: i === 0 && opts.full, deferEvents: opts.deferEvents === true || i < ends.length - 1 });
    opts.onStep?.(Math.min(n, (i + 1) * step), n);
    settleHeap();
  }
  // Every event was built, in one stretch or another.
  return ends.length > 1 ? { ...summary!, rebuiltEvents: summary!.events } : summary!;
}

/**
 * Reports an incident build reads at a time (an incident of more is read alone): its memory is
 * theirs. The last stage of a first build at 100k bench reports (deflated rows, lean reads):
 * 5,000 took 122 s and peaked at 1,364 MB; 2,500 took 140-144 s and 1,200 MB, so stays 5,000.
 */
export const EVENT_BATCH_REPORTS = 5_000;

/** Events (or date values) in batches whose reports (as `membersOf` tells them) number about `limit` or fewer. */
async function batchesOf(events: readonly string[], limit: number, membersOf: (events: string[]) => Promise<Map<string, Set<string>>>): Promise<Array<{ events: string[]; members: Set<string> }>> {
  const out: Array<{ events: string[]; members: Set<string> }> = [];
  let cur = { events: [] as string[], members: new Set<string>() };
  for (let i = 0; i < events.length; i += 200) {
    for (const [event, docs] of await membersOf(events.slice(i, i + 200))) {
      if (cur.events.length > 0 && cur.members.size + docs.size > limit) { out.push(cur); cur = { events: [], members: new Set() }; }
      cur.events.push(event);
      for (const d of docs) cur.members.add(d);
    }
  }
  if (cur.events.length > 0 || out.length === 0) out.push(cur);
  return out;
}

/** A report's kept counts as refs, with the facts its counts keep. */
function countRefs(r: Loaded): { refs: CountRef[]; facts: CountFact[]; ordinals: number[] } {
  const { counts, ordinals } = kept(r.adjusted);
  const facts = ordinals.map((o) => r.facts[o]!);
  const refs = counts.map((count, index) => {
    const ref: CountRef = { doc: r.id, index, count, core: facts[index]?.core ?? count.sentence };
    if (facts[index]?.what !== undefined) ref.what = facts[index]!.what;
    return ref;
  });
  return { refs, facts, ordinals };
}

/**
 * The figures, checks and summary of some events from all their reports (`reports`, in ingestion
 * order; counts of other events are passed over).
 */
async function buildEvents(scope: Awaited<ReturnType<typeof sourceScope>>, assigned: Awaited<ReturnType<typeof assignEvents>>, reports: readonly Loaded[], events: ReadonlySet<string>): Promise<EventBuild[]> {
  const readIds = reports.map((r) => r.id);
  // A new pair changes nothing of its older report's other incidents: the passages that speak are those of the reports read.
  const sources = sourceLookup(await scope.pairsOf(readIds), await scope.groupsOf(readIds));
  await assigned.read(readIds);
  const eventCounts: EventCount[] = [];
  const factsByDoc = new Map<string, CountFact[]>();
  const origin = new Map<string, CountOrigin>();
  const eventOrd = new Map<string, number>();
  const byId = new Map(reports.map((r) => [r.id, r]));
  for (const r of reports) {
    const list = assigned.byDoc.get(r.id) ?? [];
    const { refs, facts, ordinals } = countRefs(r);
    factsByDoc.set(r.id, facts);
    origin.set(r.id, { ordinals, extracted: r.extracted });
    refs.forEach((ref, index) => {
      const a = list[ordinals[index]!]!;
      if (!events.has(a.event)) return;
      if (!eventOrd.has(a.event)) eventOrd.set(a.event, r.order * 1e4 + index);
      eventCounts.push({ ...ref, event: a.event, eventLabel: assigned.labels.get(a.event) ?? a.label, eventReason: a.reason });
    });
  }
  const factOf = (ref: CountRef) => factsByDoc.get(ref.doc)?.[ref.index];
  const countsOf = groupedBy(eventCounts, (c) => c.event);
  // One label per incident: reports that name only its place ("Port Aldo") read under the one
  // that names what happened there ("earthquake in Port Aldo").
  for (const list of countsOf.values()) {
    const label = list.find((c) => namesHappening(c.eventLabel))?.eventLabel ?? list[0]!.eventLabel;
    for (const c of list) c.eventLabel = label;
  }
  const builds: EventBuild[] = [];
  for (const [key, list] of countsOf) {
    const docs = new Set(list.map((c) => c.doc));
    builds.push({
      summary: { key, label: list[0]!.eventLabel, counts: list.length, reports: docs.size, ...whenOf(list, byId) },
      ord: eventOrd.get(key)!,
      origin,
      // Only the event's own reports: the figures' lookups cost what the event holds, not the archive.
      figures: buildFigures(list, { reports: [...docs].map((id) => ({ id, meta: byId.get(id)!.meta })), sources, ownKind: (ref) => factOf(ref)?.kind ?? 'none' })
        .map((f) => (key === UNASSIGNED ? { ...f, verdict: UNPLACED_VERDICT } : f)),
      // Unplaced counts are never compared with each other: a breakdown is checked against its own total, nothing more.
      checks: (key === UNASSIGNED ? [...groupedBy(list, (c) => c.doc).values()].flatMap((own) => runChecks(own, { sources })).filter((c) => c.kind !== 'contradiction') : runChecks(list, { sources }))
        .filter((c) => !listedTogether(c, factOf)),
    });
  }
  return builds;
}

/** One build: a first or full one of every report the store holds, or a later one of what changed. */
async function reconcileStep(store: Store, opts: ReconcileOptions): Promise<ReconcileSummary> {
  const stored0 = opts.full ? null : await buildInfo(store);
  // A record of another layout is rebuilt whole, its counts assigned again.
  const prev = stored0 !== null && stored0.layout === RECORD_LAYOUT && stored0.lastOrder !== undefined ? stored0 : null;
  // Every report the last build read had its parts; only those stored since may lack them.
  const backfilled = await backfillDerived(store, prev?.lastOrder ?? 0);
  const reassign = opts.full === true || (stored0 !== null && prev === null);
  if (opts.full) await store.resetSources([{ set: SETS.pairs, clear: 'all' }, { set: SETS.counters, clear: { keys: ['pairs'] } }]);
  const paired = await pairNewReports(store);
  const edits = await allMetaEdits(store);
  const decisions = await sourceDecisions(store);
  // Reports of decisions made since the last build (all of them on a first), whose figures change.
  const decidedDocs = [...decisions.values()].filter((d) => prev === null || d.at >= prev.builtAt).flatMap((d) => [d.a, d.b]);

  // A first or full build reads every report. A later one reads the reports new since the last
  // build, and then only the reports its change touches, into `cache`.
  const cache = new Map<string, Loaded>();
  let roster: Roster;
  // Reports new since the last build (null: every report is read anyway), and whether one it covered is no longer current.
  let added: string[] | null = null;
  let anyGone = false;
  if (prev === null) {
    const all = await load(store, edits, opts);
    for (const r of all) cache.set(r.id, r);
    roster = Roster.of(store, all);
  } else {
    const fresh = await load(store, edits, opts, { after: prev.lastOrder! });
    for (const r of fresh) cache.set(r.id, r);
    added = fresh.map((r) => r.id);
    // Only a new version makes a report no longer current; then, or after a curator's decision
    // on sources, every report is listed and the groups made again.
    anyGone = fresh.some((r) => r.version > 1);
    roster = anyGone || backfilled > 0 || decidedDocs.length > 0 ? Roster.of(store, await listReports(store)) : new Roster(store);
    roster.note(fresh);
  }
  // `lean`: without the parts only assignment reads (after it, for incidents and the timeline); a
  // report read lean and then wanted whole is read again.
  const need = async (wanted: Iterable<string>, lean = false): Promise<void> => {
    const missing = [...new Set(wanted)].filter((id) => { const r = cache.get(id); return r === undefined || (!lean && r.lean === true); });
    for (const r of await load(store, edits, opts, { ids: missing }, lean)) cache.set(r.id, r);
    roster.note(missing.flatMap((id) => cache.get(id) ?? []));
  };
  const byOrder = (list: Iterable<string>) => [...list].filter((id) => cache.has(id)).sort((a, b) => cache.get(a)!.order - cache.get(b)!.order);

  // The corpus's names, tallied: counted afresh on a first or full build, or when a report is no
  // longer current; else the stored tallies with the new reports added.
  // A build that adds no report and loses none (a review, a curator's decision) leaves them as
  // they are: they are not read, nor is assignment's context or the entity clusters made again.
  const namesSame = prev !== null && added!.length === 0 && !anyGone && backfilled === 0;
  let tallies: Tallies | null;
  if (prev === null) {
    tallies = Tallies.empty();
    for (const r of cache.values()) tallies.add(r);
  } else if (backfilled > 0 || anyGone) tallies = await talliesOfAll(store);
  else if (namesSame) tallies = null;
  else {
    // Rows laid out before are read whole and written again; else only the new reports' event mentions are read.
    const lean = prev.tallyLayout === TALLY_LAYOUT;
    tallies = await Tallies.stored(store, lean ? added!.map((id) => cache.get(id)!) : undefined, !lean);
    for (const id of added!) tallies.add(cache.get(id)!);
  }
  // Whether the stored tallies had new reports added (their event mentions then bring assignment's stored context up to date).
  const addedTo = prev !== null && tallies !== null && added!.length > 0 && !anyGone && backfilled === 0;

  // Superseded versions stay compared (their text is kept) but speak for nothing now.
  const mode = prev === null ? 'first' : roster.complete ? 'regroup' : 'join';
  const scope = await sourceScope(store, roster, paired.pairs, added ?? [], decisions, mode);
  const { grouped, stale } = scope;
  const edited = await editedSince(store, edits, roster);

  const whole = async (): Promise<Tallies> => {
    if (tallies !== null && tallies.complete) return tallies;
    const t = await Tallies.stored(store);
    if (tallies !== null) for (const id of added!) t.add(cache.get(id)!);
    return (tallies = t);
  };
  const lean = tallies;
  const names: ContextNames = {
    all: async () => { const t = await whole(); return { mentions: t.eventMentions(), typoLinks: await t.typoLinks(store, 'm') }; },
    ...(addedTo && lean !== null ? {
      patch: { counted: lean.countedMentions(), byKeys: (keys: readonly string[]) => lean.mentionsOf(store, keys), keep: (links: KeyLink[]) => lean.keepTypoLinks('m', links) },
    } : {}),
  };
  const assigned = await assignEvents(store, roster, added, names, async (list) => {
    await need(list);
    return list.flatMap((id) => {
      const r = cache.get(id);
      return r === undefined ? [] : [{ id: r.id, counts: r.extracted, mentions: r.mentions, entities: r.entities }];
    });
  }, { ...opts, full: reassign, namesSame, ...(prev !== null ? { builtAt: prev.builtAt } : {}) });

  // Which events to rebuild: all on a first or full build; else those of the reports that changed
  // and those whose label the corpus gives changed, and those a stretch of a first build left owed.
  let touched = new Set<string>();
  let changed: Set<string> | null = null;
  const regrouped = scope.regrouped;
  let timelineScope: TimelineScopeIn | null = null;
  if (prev !== null && regrouped !== null) {
    const staleDocs = stale.flatMap((k) => k.split('\t'));
    // A build with fewer reviews applied than the last (none, say) redoes every reviewed report.
    const fromReview = Math.min(prev.reviews, opts.reviews ?? 0);
    // A build that applies the reviews the last one did and more reads only the reports where
    // one of those more makes an item read otherwise (a confirmation changes nothing).
    const toReview = opts.reviews !== undefined && opts.reviews >= prev.reviews ? opts.reviews : null;
    const since = await changedReports(store, fromReview, toReview, regrouped, [...assigned.redone, ...staleDocs, ...decidedDocs, ...edited.docs]);
    changed = since.changed;
    await assigned.read(changed);
    // The timeline depends on a report's dates, counts and presence only: not on its group or incident.
    // An edited date moves a report's publication and may move its relative dates.
    timelineScope = { docs: new Set([...added!, ...regrouped.gone, ...since.reviewed, ...edited.docs]), appendOnly: regrouped.gone.size === 0 && since.reviewed.size === 0 && edited.docs.length === 0, lastRange: prev.timelineRange, builtAt: prev.builtAt, ...(prev.publications !== undefined ? { publications: prev.publications } : {}),
      recount: added!.length === 0 && regrouped.gone.size === 0 && edited.docs.length === 0 && since.reviewed.size > 0 };
    touched = new Set(assigned.relabelled);
    for (const doc of changed) {
      for (const a of assigned.byDoc.get(doc) ?? []) touched.add(a.event);
      for (const a of assigned.before.get(doc) ?? []) touched.add(a.event);
    }
    await need(changed, true);
    // A review that may only have corrected counts reads the other reports of its date values only if it did more (see `recounted`).
    if (!timelineScope.appendOnly && !timelineScope.recount && opts.deferEvents !== true) {
      const inScope = byOrder(timelineScope.docs).map((id) => cache.get(id)!);
      await need(await timelineDocs(store, inScope, timelineScope.docs, opts), true);
    }
  }
  // The reports this build read for what changed: the timeline's, and the last position built.
  const reports = byOrder(cache.keys()).map((id) => cache.get(id)!);
  const refsByDoc = new Map(reports.map((r) => [r.id, countRefs(r).refs]));
  await assigned.read(reports.map((r) => r.id));
  if (prev === null) {
    for (const r of reports) for (const a of assigned.byDoc.get(r.id) ?? []) touched.add(a.event);
    for (const r of await store.getRows<EventRow>(SETS.events)) touched.add(r.key);
  }
  const owed = await store.getRows(SETS.eventsOwed);
  for (const r of owed) touched.add(r.key);
  // A stretch of a first build only notes the incidents it touched: each is built once, by the
  // last stretch, reading its reports then (a main site's thousands of reports are not read again
  // by every stretch).
  const perEvent: RowChange[] = prev === null ? PER_EVENT.map((set) => ({ set, clear: 'all' as const })) : [];
  let rebuilt = 0;
  if (opts.deferEvents === true) perEvent.push({ set: SETS.eventsOwed, rows: [...touched].map((key) => ({ key, data: 1 })) });
  else {
    const keep = new Set(reports.map((r) => r.id));
    // An incident's reports: those stored in it (none yet on a first build) and those this build read that are in it now.
    const readIn = new Map<string, string[]>();
    for (const r of reports) for (const a of new Set((assigned.byDoc.get(r.id) ?? []).map((x) => x.event))) {
      const list = readIn.get(a);
      if (list === undefined) readIn.set(a, [r.id]);
      else list.push(r.id);
    }
    const batches = await batchesOf([...touched], opts.eventBatch ?? EVENT_BATCH_REPORTS, async (events) => {
      const out = new Map(events.map((e) => [e, new Set(readIn.get(e) ?? [])]));
      if (prev !== null) for (const [event, doc] of await store.getLinks(SETS.eventDocs, events)) out.get(event)!.add(doc);
      return out;
    });
    for (const [i, batch] of batches.entries()) {
      await need(batch.members, true);
      const read = byOrder(batch.members);
      const builds = await buildEvents(scope, assigned, read.map((id) => cache.get(id)!), new Set(batch.events));
      rebuilt += builds.length;
      const oldFigures = prev === null ? [] : (await store.getRows(SETS.figures, { groups: batch.events })).map((r) => r.key);
      const rows = eventRows(builds, batch.events, oldFigures);
      // Batches but the last are written as they are built, so that memory holds one batch.
      if (i < batches.length - 1) {
        await store.putRows([...perEvent.splice(0), ...rows]);
        const gone = read.filter((id) => !keep.has(id));
        for (const id of gone) cache.delete(id);
        assigned.forget(gone);
        settleHeap();
      } else perEvent.push(...rows);
    }
    if (owed.length) perEvent.push({ set: SETS.eventsOwed, clear: 'all' });
  }

  const owedValues = new Set((await store.getRows(SETS.timelineOwed)).map((r) => r.key));
  const base = new Set(reports.map((r) => r.id));
  const timeline = await timelineChanges(store, reports, timelineScope, refsByDoc, opts, roster, {
    values: owedValues,
    read: async (ids) => { await need(ids, true); return byOrder(ids).map((id) => cache.get(id)!); },
    done: (ids) => { for (const id of ids) if (!base.has(id)) cache.delete(id); },
  });
  const exonyms = opts.exonyms as [string, string][] | undefined;
  // Entities are clustered from the tallies on every build, so curators' decisions hold for a full and an incremental one alike.
  const entityDecided = await entityDecisions(store);
  const entityBasis = JSON.stringify([entityDecided.length, entityDecided.at(-1)?.at ?? null, exonyms ?? null]);
  let entities: ReturnType<typeof clusterNames> | null = null;
  let entityMentions: RowChange = { set: SETS.entityMentions, rows: [] };
  let entityRows: RowChange[] = [];
  if (tallies !== null || prev?.entityBasis !== entityBasis) {
    tallies ??= await Tallies.stored(store);
    // Reports only added, nothing else changed: only the clusters their spellings reach are made again.
    const patched = addedTo && prev!.tallyLayout === TALLY_LAYOUT && prev!.entityBasis === entityBasis && entityDecided.length === 0 ? await patchClusters(store, tallies, exonyms) : null;
    if (patched !== null) {
      entityRows = patched.changes;
      tallies.keepTypoLinks('e', patched.links);
      entityMentions = await tallies.entityMentionRows(store, patched.canonical, patched.texts);
    } else {
      entities = clusterNames(tallies.entityNames(), { exonyms, decisions: entityDecided, typoLinks: await tallies.typoLinks(store, 'e') });
      const canonical = new Map<string, string>();
      for (const c of entities) for (const n of c.names) canonical.set(n.name, c.canonical);
      entityMentions = await tallies.entityMentionRows(store, canonical);
    }
  }

  const record = {
    builtAt: new Date().toISOString(),
    documents: roster.complete ? (await roster.all()).length : prev!.documents + added!.length,
    sources: { groups: grouped.groups, groupOf: grouped.groupOf, pairs: [], possible: grouped.possible },
    entities,
  };
  const extras = {
    reviews: opts.reviews ?? 0, timelineRange: timeline.range, publications: timeline.publications,
    lastOrder: reports.reduce((m, r) => Math.max(m, r.order), prev?.lastOrder ?? -1), entityBasis,
    tallyLayout: tallies !== null ? TALLY_LAYOUT : prev?.tallyLayout, figureLayout: FIGURE_LAYOUT,
  };
  // A record built before figures had heads gets them once, from its stored rows (the events rebuilt above have theirs).
  if (prev !== null && prev.figureLayout !== FIGURE_LAYOUT) await headFigureRows(store);
  await roster.current(grouped.possible.flatMap((p) => [p.a, p.b]));
  const dropStale: Change[] = stale.length ? [{ set: SETS.pairs, clear: { keys: stale } }] : [];
  // A report no longer current is in no incident.
  if (regrouped !== null && regrouped.gone.size) {
    await assigned.read(regrouped.gone);
    const links = [...regrouped.gone].flatMap((id) => eventDocLinks(id, assigned.before.get(id) ?? []));
    dropStale.push({ links: SETS.eventDocs, remove: links });
  }
  await store.putRows([...dropStale, edited.change, ...assigned.changes, ...(tallies?.changes() ?? []), ...perEvent, ...timeline.changes, ...entityRows, entityMentions, ...wholeRows(record, extras, (doc) => roster.orderOf(doc), regrouped, scope.possibleGone)]);
  // Kept for the next build in this process, now that what they go with is stored.
  if (assigned.context !== null) remember(store, ASSIGN_CONTEXT_KEY, record.builtAt, assigned.context);
  if (timeline.order !== null) remember(store, SETS.timelineOrder, record.builtAt, timeline.order);
  return {
    builtAt: record.builtAt, documents: record.documents, figures: await store.countRows(SETS.figures),
    sourceGroups: roster.complete ? grouped.groups.length : await store.countRows(SETS.groups), rebuiltEvents: rebuilt, events: await store.countRows(SETS.events),
  };
}
