/**
 * The reconciled record as the routes read it: queries over its row sets, a page at a time, so
 * the server starts and answers in time and memory that do not grow with the archive. A build
 * (after a review, or when none is stored) runs one at a time.
 */
import { AppError } from '../domain/errors.js';
import type { CountRef, PublicationEntry, SourcePair, TimelineEntry } from '../pipeline/3-reconcile/types.js';
import type { BuildInfo, CheckRow, EventRow, FigureRow } from '../pipeline/run/record.js';
import { pairOf, SETS } from '../pipeline/run/record.js';
import type { PackedPair } from '../pipeline/run/record.js';
import { buildInfo, countFigures, countsByTag, mentionRefs, pad, wholeFigures } from '../pipeline/run/record-rows.js';
import type { CountFigures, MentionRow } from '../pipeline/run/record-rows.js';
import { reconcileReviewed, reviewsCurrent } from '../review/reconcile.js';
import type { DocumentSummary, RowQuery, Store } from '../storage/store.js';
import { yieldingStore } from '../storage/yielding.js';
import type { DocumentLabel, DocumentLabels, EntityCluster } from './api-types.js';
import { applyMetaEdit, metaEdits } from './curation.js';

export { figureId, countRefKey } from '../pipeline/run/record.js';

/** Why a read-only server has nothing to show. */
const NO_RECORD = 'No record is built in this database yet, and this server is read-only: ingest reports, or run crosscheck reconcile, against the database that takes writes';

/** What a reader gets of a document. */
const labelOf = (d: { id: string; name: string; meta: { title?: string; publisher?: string; published?: string } }): DocumentLabel =>
  ({ id: d.id, name: d.name, title: d.meta.title ?? null, publisher: d.meta.publisher ?? null, published: d.meta.published ?? null });

/** Queries over the stored record; builds it when none is stored or reviews came since. */
export class RecordSource {
  private queue: Promise<unknown> = Promise.resolve();
  /** Rebuilds asked for (after a review or a curator's decision) and not yet written. */
  private pending = 0;
  /** The store as builds use it: requests are answered between its calls (a build may take seconds). */
  private readonly builder: Store;

  constructor(private readonly store: Store, private readonly opts: { readOnly?: boolean } = {}) {
    this.builder = yieldingStore(store);
  }

  /**
   * The current build, built first when none is stored or it predates a review. A build that is
   * current, or one a rebuild is under way for, is not waited for behind the rebuild: readers see
   * the stored record until the new one is written. A read-only server reads the stored build as it is: the
   * server that takes the writes builds it after each one.
   */
  async ensure(): Promise<BuildInfo> {
    const stored = await buildInfo(this.store);
    // While a rebuild someone asked for is under way, readers see the record as stored until the
    // new one is written (in one transaction), instead of waiting seconds behind it.
    if (stored !== null && (this.pending > 0 || (await reviewsCurrent(this.store, stored)))) return stored;
    return this.serial(async () => {
      const info = await buildInfo(this.store);
      if (this.opts.readOnly) {
        if (info === null) throw new AppError('E_READ_ONLY', NO_RECORD);
        return info;
      }
      if (info !== null && (await reviewsCurrent(this.store, info))) return info;
      return this.buildNow();
    });
  }

  /** Reconcile again (after a review) and return the new build. */
  rebuild(): Promise<BuildInfo> {
    this.pending++;
    return this.serial(() => this.buildNow()).finally(() => { this.pending--; });
  }

  /** The stored reports of some ids, each with its metadata as curated, 500 to a query. */
  async curated(ids: Iterable<string>): Promise<DocumentSummary[]> {
    const want = [...new Set(ids)];
    const out: DocumentSummary[] = [];
    for (let i = 0; i < want.length; i += 500) {
      const batch = want.slice(i, i + 500);
      const [summaries, edits] = await Promise.all([this.store.getSummaries(batch), metaEdits(this.store, batch)]);
      // A curator's edit of the metadata is the report's metadata for every reader.
      for (const d of summaries) out.push({ ...d, meta: applyMetaEdit(d.meta, edits.get(d.id)) });
    }
    return out;
  }

  /** Labels of report ids, with their curated metadata. */
  async labels(ids: Iterable<string>): Promise<DocumentLabels> {
    const want = [...new Set(ids)];
    const out: DocumentLabels = {};
    for (const d of await this.curated(want)) out[d.id] = labelOf(d);
    for (const id of want) out[id] ??= { id, name: id, title: null, publisher: null, published: null };
    return out;
  }

  /** Events in order of first appearance. */
  async events(): Promise<EventRow[]> {
    return (await this.store.getRows<EventRow>(SETS.events)).map((r) => r.data);
  }

  /**
   * A page of figures in order, with how many match: of some events (by key), of some measures,
   * read at the database by index, never the whole listing.
   */
  async figurePage(q: { events?: readonly string[]; measures?: readonly string[]; limit: number; offset: number; heads?: boolean }): Promise<{ total: number; items: FigureRow[] }> {
    const rq: RowQuery = { limit: q.limit, offset: q.offset };
    if (q.events !== undefined) rq.groups = q.events;
    if (q.measures !== undefined) rq.tags = q.measures;
    const [total, rows] = await Promise.all([this.store.countRows(SETS.figures, rq), this.store.getRows<FigureRow>(SETS.figures, rq)]);
    // With `heads`, a large figure comes as its head (its first HEAD_VALUES values, HEAD_REPORTS reports each, and how many there are).
    return { total, items: (q.heads ? rows : await wholeFigures(this.store, rows)).map((r) => r.data) };
  }

  /** One figure, whole, or null. */
  async figure(id: string): Promise<FigureRow | null> {
    return (await wholeFigures(this.store, await this.store.getRows<FigureRow>(SETS.figures, { key: id })))[0]?.data ?? null;
  }

  /** The first `limit` mentions of each value of some figures (by figure, then value), their counts read from the reports in one pass. */
  async evidence(figures: ReadonlyArray<{ id: string; values: readonly unknown[] }>, limit?: number): Promise<CountRef[][][]> {
    const tag = (id: string, j: number) => `${id}:${pad(j)}`;
    const rows = await Promise.all(figures.flatMap((f) => f.values.map((_, j) => this.store.getRows<MentionRow>(SETS.mentions, { tag: tag(f.id, j), limit }))));
    const byTag = countsByTag(await mentionRefs(this.store, rows.flat()));
    return figures.map((f) => f.values.map((_, j) => byTag.get(tag(f.id, j)) ?? []));
  }

  /** countRefKey → figure id, for one report's counts. */
  async figuresOfDocument(doc: string): Promise<Map<string, string>> {
    return new Map(countFigures(await this.store.getRows<CountFigures | string>(SETS.countFigure, { tag: doc })).map((c) => [c.key, c.figure]));
  }

  /** A page of checks, with how many match. */
  async checks(q: { event?: string; status?: string; limit?: number; offset?: number }): Promise<{ total: number; items: CheckRow[] }> {
    const rq: RowQuery = { limit: q.limit, offset: q.offset };
    if (q.event) rq.group = q.event;
    if (q.status) rq.tag = q.status;
    const [total, rows] = await Promise.all([
      this.store.countRows(SETS.checks, rq),
      q.limit === 0 ? Promise.resolve([]) : this.store.getRows<CheckRow>(SETS.checks, rq),
    ]);
    return { total, items: rows.map((r) => r.data) };
  }

  /** The checks that touch a figure. */
  async checksOf(id: string): Promise<CheckRow[]> {
    const keys = (await this.store.getRows<string>(SETS.figureChecks, { group: id })).map((r) => r.data);
    return keys.length ? (await this.store.getRows<CheckRow>(SETS.checks, { keys })).map((r) => r.data) : [];
  }

  /** A page of the timeline and how many entries in all. */
  async timeline(limit: number, offset: number): Promise<{ total: number; entries: TimelineEntry[] }> {
    const { total, items } = await this.page<TimelineEntry>(SETS.timeline, limit, offset);
    return { total, entries: items };
  }

  /** The events of counts (by countRefKey) and of the counts of reports (by id), 500 keys to a query. */
  async eventsOf(q: { counts: readonly string[]; reports: readonly string[] }): Promise<{ ofCount: Map<string, string>; ofReport: Map<string, Set<string>> }> {
    const ofCount = new Map<string, string>();
    const ofReport = new Map<string, Set<string>>();
    const counts = [...new Set(q.counts)];
    const reports = [...new Set(q.reports)];
    // Read by the counts' reports: a row holds a report's counts in one incident.
    const wanted = new Set(counts);
    const ofCounts = [...new Set(counts.map((k) => k.slice(0, k.indexOf('\n'))))];
    for (let i = 0; i < ofCounts.length; i += 500) {
      for (const c of countFigures(await this.store.getRows<CountFigures | string>(SETS.countFigure, { tags: ofCounts.slice(i, i + 500) }))) {
        if (c.event !== null && wanted.has(c.key)) ofCount.set(c.key, c.event);
      }
    }
    for (let i = 0; i < reports.length; i += 500) {
      for (const r of await this.store.getRows<CountFigures | string>(SETS.countFigure, { tags: reports.slice(i, i + 500) })) {
        if (r.group === null || r.tag === null) continue;
        let set = ofReport.get(r.tag);
        if (set === undefined) ofReport.set(r.tag, (set = new Set()));
        set.add(r.group);
      }
    }
    return { ofCount, ofReport };
  }

  /** The first `limit` publication dates. */
  async publications(limit: number): Promise<PublicationEntry[]> {
    return (await this.store.getRows<PublicationEntry>(SETS.publications, { limit })).map((r) => r.data);
  }

  /** Entity clusters, most seen first as built. */
  async entities(): Promise<EntityCluster[]> {
    return (await this.store.getRows<EntityCluster>(SETS.entities)).map((r) => r.data);
  }

  /** The entity of a canonical name, or null. */
  async entity(canonical: string): Promise<EntityCluster | null> {
    return (await this.store.getRows<EntityCluster>(SETS.entities, { key: canonical }))[0]?.data ?? null;
  }

  /** Canonical names of the spellings given (spellings no cluster has are left out). */
  async canonicalOf(names: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < names.length; i += 500) {
      for (const r of await this.store.getRows<string>(SETS.entityNames, { keys: names.slice(i, i + 500) })) out.set(r.key, r.data);
    }
    return out;
  }

  /** Source group ids of reports (reports the record does not hold are left out). */
  async groupsOf(docs: Iterable<string>): Promise<Map<string, string>> {
    const want = [...new Set(docs)];
    const out = new Map<string, string>();
    for (let i = 0; i < want.length; i += 500) {
      for (const r of await this.store.getRows<string>(SETS.docGroup, { keys: want.slice(i, i + 500) })) out.set(r.key, r.data);
    }
    return out;
  }

  /** A report's source group id (itself when it stands alone), or null when the record does not hold it. */
  async groupOf(doc: string): Promise<string | null> {
    return (await this.store.getRows<string>(SETS.docGroup, { key: doc }))[0]?.data ?? null;
  }

  /** Source groups: the reports of each, earliest first. */
  async groups(q: { sharedOnly?: boolean } = {}): Promise<string[][]> {
    return (await this.store.getRows<string[]>(SETS.groups, q.sharedOnly ? { tag: 'shared' } : {})).map((r) => r.data);
  }

  /** The reports of one group. */
  async group(id: string): Promise<string[] | null> {
    return (await this.store.getRows<string[]>(SETS.groups, { key: id }))[0]?.data ?? null;
  }

  /** A page of the pairs of current reports, and how many in all. */
  async pairs(limit: number, offset: number): Promise<{ total: number; items: SourcePair[] }> {
    const [total, rows] = await Promise.all([this.store.countRows(SETS.pairs), this.store.getRows<PackedPair | SourcePair>(SETS.pairs, { limit, offset })]);
    return { total, items: rows.map(pairOf) };
  }

  /** Every pair one report takes part in. */
  async pairsOf(doc: string): Promise<SourcePair[]> {
    const [a, b] = await Promise.all([this.store.getRows<PackedPair | SourcePair>(SETS.pairs, { group: doc }), this.store.getRows<PackedPair | SourcePair>(SETS.pairs, { tag: doc })]);
    return [...a, ...b].sort((x, y) => x.ord - y.ord).map(pairOf);
  }

  /** Pairs between the thresholds, for review. */
  async possible(): Promise<SourcePair[]> {
    return (await this.store.getRows<SourcePair>(SETS.possible)).map((r) => r.data);
  }

    /** A page of a whole set, and how many rows it has. */
  private async page<T>(set: string, limit: number, offset: number): Promise<{ total: number; items: T[] }> {
    const [total, rows] = await Promise.all([this.store.countRows(set), this.store.getRows<T>(set, { limit, offset })]);
    return { total, items: rows.map((r) => r.data) };
  }

  private async buildNow(): Promise<BuildInfo> {
    await reconcileReviewed(this.builder);
    return (await buildInfo(this.store))!;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
