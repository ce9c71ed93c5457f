/** The reconciled record ⇄ its rows: what `reconcile` writes, and the whole record assembled back for readers that take it whole. */
import type { RowChange, RowInput, Store, StoredRow } from '../../storage/store.js';
import type { Count } from '../../domain/types.js';
import type { CheckResult, CountRef, EntityCluster, EventCount, Figure, PublicationEntry, SourcePair, TimelineEntry } from '../3-reconcile/types.js';
import type { BuildInfo, CheckRow, EventRow, EventSummary, FigureRow, PackedPair, ReconcileRecord } from './record.js';
import { RECORD_LAYOUT, SETS, countRefKey, figureHead, figureId, pairOf, wholeFigure } from './record.js';
import { isShown } from '../3-reconcile/figures/figures.js';
import { edtfRange } from '../3-reconcile/timeline/edtf.js';
import { plainValue } from '../3-reconcile/timeline/timeline.js';
import { clusterRows } from './entity-clusters.js';

/** A position as a key that sorts as text. */
export const pad = (n: number): string => String(n).padStart(9, '0');

/** What one event's rows are made of. */
export interface EventBuild {
  summary: EventSummary;
  /** Where the event stands among events (its first count's ingestion position). */
  ord: number;
  figures: Figure[];
  checks: CheckResult[];
  /** Where each report's counts come from (by report id): a mention row keeps its count only where it differs from the stored one. */
  origin?: ReadonlyMap<string, CountOrigin>;
}

/** A report's counts as reconciliation took them: the extraction ordinal of each kept count, and the stored counts. */
export interface CountOrigin {
  ordinals: readonly number[];
  extracted: readonly Count[];
}

/**
 * A mention as stored: the count's report, its index among the counts reconciliation kept, its
 * ordinal in the stored extraction (`at`) and why it is in its incident. The count itself only
 * where a review or a dropped breakdown link makes it read otherwise than the stored one (rows
 * written before `at` existed keep it always): a figure's mentions were full copies of the
 * report's counts, 40% of the record's bytes.
 */
export interface MentionRow {
  doc: string;
  index: number;
  at?: number;
  count?: Count;
  eventReason?: string;
}

/**
 * A `count-figure` row: one an incident and report, its counts' places (`start-end` and measure,
 * as in countRefKey after the report's id) each with its figure's id. (A row a count, as written
 * before, has the countRefKey as key and the figure's id as data: see countFigures.)
 */
export type CountFigures = Array<[at: string, figure: string]>;

function countFigureRows(event: string, figureOf: ReadonlyMap<string, string>): RowInput[] {
  const byDoc = new Map<string, CountFigures>();
  for (const [key, id] of figureOf) {
    const cut = key.indexOf('\n');
    const doc = key.slice(0, cut);
    const list = byDoc.get(doc) ?? byDoc.set(doc, []).get(doc)!;
    list.push([key.slice(cut + 1), id]);
  }
  return [...byDoc].map(([doc, list]) => ({ key: `${event}\t${doc}`, group: event, tag: doc, data: list }));
}

/** The counts (countRefKey → figure id, with the incident) of `count-figure` rows of either layout. */
export function countFigures(rows: ReadonlyArray<StoredRow<CountFigures | string>>): Array<{ key: string; figure: string; event: string | null }> {
  const out: Array<{ key: string; figure: string; event: string | null }> = [];
  for (const r of rows) {
    if (typeof r.data === 'string') out.push({ key: r.key, figure: r.data, event: r.group });
    else for (const [at, figure] of r.data) out.push({ key: `${r.tag}\n${at}`, figure, event: r.group });
  }
  return out;
}

/** The sets written per event: rebuilt for the events a change touches, left alone for the rest. */
export const PER_EVENT = [SETS.events, SETS.figures, SETS.figureValues, SETS.mentions, SETS.countFigure, SETS.checks, SETS.figureChecks] as const;

/**
 * The rows of some events, replacing those events' rows: `touched` every event rebuilt (also
 * those now without counts), `oldFigures` the ids their figures had.
 */
export function eventRows(builds: readonly EventBuild[], touched: readonly string[], oldFigures: readonly string[]): RowChange[] {
  const rows: Record<(typeof PER_EVENT)[number], RowInput[]> = {
    [SETS.events]: [], [SETS.figures]: [], [SETS.figureValues]: [], [SETS.mentions]: [], [SETS.countFigure]: [], [SETS.checks]: [], [SETS.figureChecks]: [],
  };
  for (const b of builds) {
    const event = b.summary.key;
    const ids = b.figures.map((f) => figureId(f.key));
    const figureOf = new Map<string, string>();
    b.figures.forEach((f, i) => {
      const { head, whole } = figureHead({ ...f, id: ids[i]!, values: f.values.map(({ counts, ...v }) => ({ ...v, mentions: counts.length })) });
      rows[SETS.figures].push({ key: ids[i]!, group: event, tag: f.key.measure, ord: b.ord + i / 1e4, data: head });
      if (whole !== undefined) rows[SETS.figureValues].push({ key: ids[i]!, group: event, data: whole });
      f.values.forEach((v, j) => v.counts.forEach((c, k) => {
        figureOf.set(countRefKey(c.doc, c.count), ids[i]!);
        // The count as reconciled (a review may have corrected it), where it is and why it is in
        // this incident: not the event's key and label again, nor the facts the report keeps.
        const data: MentionRow = { doc: c.doc, index: c.index };
        const from = b.origin?.get(c.doc);
        const at = from?.ordinals[c.index];
        const stored = at === undefined ? undefined : from!.extracted[at];
        if (at !== undefined) data.at = at;
        if (stored === undefined || (stored !== c.count && JSON.stringify(stored) !== JSON.stringify(c.count))) data.count = c.count;
        const reason = (c as Partial<EventCount>).eventReason;
        if (reason !== undefined) data.eventReason = reason;
        rows[SETS.mentions].push({ key: `${ids[i]}:${pad(j)}:${pad(k)}`, group: ids[i]!, tag: `${ids[i]}:${pad(j)}`, ord: k, data });
      }));
    });
    rows[SETS.countFigure].push(...countFigureRows(event, figureOf));
    b.checks.forEach((c, i) => {
      const figureIds = [...new Set(c.counts.map((r) => figureOf.get(countRefKey(r.doc, r.count))).filter((x): x is string => x !== undefined))];
      const key = `${event}\t${pad(i)}`;
      rows[SETS.checks].push({ key, group: event, tag: c.status, ord: b.ord, data: { ...c, figureIds } satisfies CheckRow });
      for (const id of figureIds) rows[SETS.figureChecks].push({ key: `${id}\t${key}`, group: id, tag: event, ord: b.ord, data: key });
    });
    const shown = b.figures.filter((f) => isShown(f)).length;
    rows[SETS.events].push({ key: event, ord: b.ord, data: { ...b.summary, figures: shown } satisfies EventRow });
  }
  const figureIds = [...new Set([...oldFigures, ...builds.flatMap((b) => b.figures.map((f) => figureId(f.key)))])];
  const clear: Record<(typeof PER_EVENT)[number], RowChange['clear']> = {
    [SETS.events]: { keys: touched }, [SETS.figures]: { groups: touched }, [SETS.figureValues]: { groups: touched }, [SETS.mentions]: { groups: figureIds },
    [SETS.countFigure]: { groups: touched }, [SETS.checks]: { groups: touched }, [SETS.figureChecks]: { tags: touched },
  };
  return PER_EVENT.map((set) => ({ set, clear: clear[set], rows: rows[set] }));
}

/** The sets rebuilt whole on each build. */
const WHOLE = [SETS.info, SETS.entities, SETS.entityNames, SETS.groups, SETS.docGroup, SETS.possible] as const;

/**
 * A key that sorts as the timeline does: by first day, then last day (unread values last),
 * then by when the entry (or report) came; stable as reports are added, so a rebuilt set
 * rewrites only the rows that changed.
 */
/** Where a timeline row's entry was made, from its key (see chronoKey): its first statement's report order and place, comparable as strings. */
export function madeAt(key: string): string {
  return key.slice(key.indexOf('\u0001', key.indexOf('\u0001') + 1));
}

function chronoKey(e: { value: string; start: string | null; end: string | null }, order: number, at: number): string {
  const unread = e.start === null && e.end === null && edtfRange(e.value) === null;
  return `${unread ? '\uffff' : e.start ?? ''}\u0001${unread ? '' : e.end ?? '~'}\u0001${pad(order)}\u0001${pad(at)}`;
}

/** What the build's info says besides its time and size. */
export type InfoExtras = Pick<BuildInfo, 'reviews' | 'timelineRange' | 'publications' | 'lastOrder' | 'entityBasis' | 'tallyLayout' | 'figureLayout'>;

/** The reports whose source group changed, and the groups (by id) whose members did. */
export interface GroupScope {
  docs: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

/**
 * The rows of what is rebuilt whole: the build's info, entity clusters, source groups (only the
 * groups and reports in `regrouped`, when given), the pairs to review (only those added, and
 * `possibleGone` dropped, when that is given). `orderOf` gives a report's ingestion order.
 */
export function wholeRows(record: Pick<ReconcileRecord, 'builtAt' | 'documents' | 'sources'> & { entities: ReconcileRecord['entities'] | null }, extras: InfoExtras, orderOf: (doc: string) => number, regrouped: GroupScope | null = null, possibleGone: readonly string[] | null = null): RowChange[] {
  const info: BuildInfo = { builtAt: record.builtAt, layout: RECORD_LAYOUT, documents: record.documents, ...extras };
  const rows: Record<(typeof WHOLE)[number], RowChange['rows']> = {
    [SETS.info]: [{ key: 'built', data: info }],
    [SETS.entities]: clusterRows(record.entities ?? []).entities,
    [SETS.entityNames]: clusterRows(record.entities ?? []).names,
    [SETS.groups]: record.sources.groups.filter((m) => regrouped === null || regrouped.groups.has(m[0]!))
      .map((members) => ({ key: members[0]!, tag: members.length > 1 ? 'shared' : null, ord: orderOf(members[0]!), data: members })),
    [SETS.docGroup]: (regrouped === null ? Object.entries(record.sources.groupOf) : [...regrouped.docs].flatMap((d) => (d in record.sources.groupOf ? [[d, record.sources.groupOf[d]!] as const] : [])))
      .map(([doc, g]) => ({ key: doc, group: g, data: g })),
    [SETS.possible]: record.sources.possible.map((p) => ({ key: `${pad(orderOf(p.b))}\t${pad(orderOf(p.a))}`, group: p.a, tag: p.b, data: p })),
  };
  const clear = (set: (typeof WHOLE)[number]): RowChange['clear'] =>
    set === SETS.possible && possibleGone !== null ? { keys: [...possibleGone] }
      : regrouped === null ? 'replace' : set === SETS.groups ? { keys: [...regrouped.groups] } : set === SETS.docGroup ? { keys: [...regrouped.docs] } : 'replace';
  // Entities left as they are (null): neither the names nor what clusters them changed.
  const kept = (set: (typeof WHOLE)[number]) => record.entities === null && (set === SETS.entities || set === SETS.entityNames);
  return WHOLE.filter((set) => !kept(set)).map((set) => ({ set, clear: clear(set), rows: rows[set] }));
}

/**
 * What part of the timeline a build rewrites: the date values (as `plainValue`) whose entries
 * it rebuilt and the reports whose publications and values it rewrote; null for all of them.
 */
export interface TimelineScope {
  values: ReadonlySet<string> | null;
  docs: ReadonlySet<string> | null;
}

/**
 * The timeline's rows: entries (grouped by date value, since only statements of one value are
 * ever merged), each value's day range, each report's values and publication date. `entries`
 * are those of the values in scope, `publications` those of the reports in scope, `valuesOf`
 * each report in scope's date values. `only`: of the entries, only these changed (a build that
 * only adds reports: entries only grow, each keeping its key), so only they are written. An
 * entry's tag is the report that made it (what the timeline's index links to).
 */
export function timelineRows(entries: readonly TimelineEntry[], publications: readonly PublicationEntry[], valuesOf: ReadonlyMap<string, readonly string[]>, scope: TimelineScope, orderOf: (doc: string) => number, only?: readonly TimelineEntry[], base?: ReadonlyArray<StoredRow<number>>): RowChange[] {
  // `base`: the values' stored rows, which `entries` (then only those made since) add to.
  const byValue = new Map<string, { lo: string | null; hi: string | null; n: number }>((base ?? []).map((r) => [r.key, { lo: r.lo, hi: r.hi, n: r.data }]));
  for (const e of entries) {
    const value = plainValue(e.value);
    const v = byValue.get(value) ?? byValue.set(value, { lo: null, hi: null, n: 0 }).get(value)!;
    v.n++;
    if (e.start !== null && e.end !== null) {
      if (v.lo === null || e.start < v.lo) v.lo = e.start;
      if (v.hi === null || e.end > v.hi) v.hi = e.end;
    }
  }
  const timeline: RowInput[] = (only ?? entries).map((e) => {
    const first = e.statements[0]!;
    return { key: chronoKey(e, orderOf(first.doc), first.date.span.start), group: plainValue(e.value), tag: first.doc, lo: e.start, hi: e.end, data: e };
  });
  const values: RowInput[] = [...byValue].map(([key, v]) => ({ key, lo: v.lo, hi: v.hi, data: v.n }));
  const dated: RowInput[] = [...valuesOf].filter(([, list]) => list.length > 0).map(([doc, list]) => ({ key: doc, data: list }));
  const pubs: RowInput[] = publications.map((p) => ({ key: chronoKey(p, orderOf(p.doc), 0), tag: p.doc, data: p }));
  const whole = <T>(clear: T | null): RowChange['clear'] => (clear === null ? 'replace' : clear) as RowChange['clear'];
  const v = scope.values === null ? null : [...scope.values];
  const d = scope.docs === null ? null : [...scope.docs];
  return [
    only !== undefined ? { set: SETS.timeline, rows: timeline } : { set: SETS.timeline, clear: whole(v && { groups: v }), rows: timeline },
    { set: SETS.timelineValues, clear: whole(v && { keys: v }), rows: values },
    { set: SETS.datedValues, clear: whole(d && { keys: d }), rows: dated },
    { set: SETS.publications, clear: whole(d && { tags: d }), rows: pubs },
  ];
}

/**
 * The first and last day of the whole timeline: the stored date values' rows, those in scope
 * replaced by the build's (`changes`, from `timelineRows`). `widens`: the range of the last
 * build, when this one only adds entries and statements (no value's days can shrink), so that
 * only the values in scope are looked at.
 */
export async function timelineRange(store: Store, scope: TimelineScope, changes: readonly RowChange[], widens?: { start: string; end: string } | null): Promise<{ start: string; end: string } | null> {
  const fresh = changes.find((c) => c.set === SETS.timelineValues)?.rows ?? [];
  const kept = scope.values === null ? [] : widens !== undefined ? [] : (await store.getRows(SETS.timelineValues)).filter((r) => !scope.values!.has(r.key));
  let lo: string | null = widens?.start ?? null;
  let hi: string | null = widens?.end ?? null;
  for (const r of [...kept, ...fresh]) {
    if (r.lo != null && (lo === null || r.lo < lo)) lo = r.lo;
    if (r.hi != null && (hi === null || r.hi > hi)) hi = r.hi;
  }
  return lo !== null && hi !== null ? { start: lo, end: hi } : null;
}

/** When the stored record was built, and with how many reviews; null before the first build. */
export async function buildInfo(store: Store): Promise<BuildInfo | null> {
  return (await store.getRows<BuildInfo>(SETS.info, { key: 'built' }))[0]?.data ?? null;
}

/** Figure rows with their values' counts from the mention rows. */
/** Mention rows' counts by their tag (a figure id and value), each list in the rows' order. */
export function countsByTag(mentionRows: ReadonlyArray<StoredRow<CountRef>>): Map<string, CountRef[]> {
  const mentions = new Map<string, CountRef[]>();
  for (const r of mentionRows) {
    const list = mentions.get(r.tag!);
    if (list === undefined) mentions.set(r.tag!, [r.data]);
    else list.push(r.data);
  }
  return mentions;
}

function withMentions(rows: ReadonlyArray<StoredRow<FigureRow>>, mentionRows: ReadonlyArray<StoredRow<CountRef>>): Figure[] {
  const mentions = countsByTag(mentionRows);
  return rows.map(({ data: { id: _id, ...f }, key }) => ({
    ...f,
    values: f.values.map(({ mentions: _n, ...v }, j) => ({ ...v, counts: mentions.get(`${key}:${pad(j)}`) ?? [] })),
  }));
}

/**
 * Mention rows with their counts: read from the stored extractions (at the rows' ordinals) where
 * a row leaves its count out. A row whose report's extraction no longer has a count there (the
 * report was extracted again and the record not yet rebuilt) is passed over: the next build
 * writes it again.
 */
export async function mentionRefs(store: Store, rows: ReadonlyArray<StoredRow<MentionRow>>): Promise<Array<StoredRow<CountRef>>> {
  const need = [...new Set(rows.filter((r) => r.data.count === undefined).map((r) => r.data.doc))];
  const counts = new Map<string, readonly Count[]>();
  for (let i = 0; i < need.length; i += 500) {
    for await (const x of store.allDerived([], { ids: need.slice(i, i + 500) })) counts.set(x.id, x.extraction.counts);
  }
  // A version no longer current is read on its own (the record may not have been rebuilt since).
  for (const id of need) {
    if (counts.has(id)) continue;
    const e = await store.getExtraction(id);
    if (e !== null) counts.set(id, e.counts);
  }
  const out: Array<StoredRow<CountRef>> = [];
  for (const r of rows) {
    const { doc, index, at, eventReason } = r.data;
    const count = r.data.count ?? (at === undefined ? undefined : counts.get(doc)?.[at]);
    if (count === undefined) continue;
    const data: CountRef & { eventReason?: string } = { doc, index, count };
    if (eventReason !== undefined) data.eventReason = eventReason;
    out.push({ ...r, data });
  }
  return out;
}

/**
 * How figure rows are laid out (BuildInfo.figureLayout): from 2, a figure with more values or
 * reports than a listing shows is stored as its head, its whole values beside it (figureHead).
 */
export const FIGURE_LAYOUT = 2;

/**
 * Lays out the figure rows of a record built before FIGURE_LAYOUT as heads and whole values,
 * `batch` events at a time, each batch in its own transaction (a batch written again is
 * left as it is): the counts are not read, nothing is reconciled again. Returns how many
 * figures it cut.
 */
export async function headFigureRows(store: Store, batch = 200): Promise<number> {
  const events = (await store.getRows(SETS.events)).map((r) => r.key);
  let cut = 0;
  for (let i = 0; i < events.length; i += batch) {
    const heads: RowInput[] = [];
    const values: RowInput[] = [];
    for (const r of await store.getRows<FigureRow>(SETS.figures, { groups: events.slice(i, i + batch) })) {
      const { head, whole } = figureHead(r.data);
      if (whole === undefined) continue;
      heads.push({ key: r.key, group: r.group, tag: r.tag, ord: r.ord, lo: r.lo, hi: r.hi, data: head });
      values.push({ key: r.key, group: r.group, data: whole });
    }
    if (heads.length === 0) continue;
    const keys = heads.map((r) => r.key);
    await store.putRows([{ set: SETS.figures, clear: { keys }, rows: heads }, { set: SETS.figureValues, clear: { keys }, rows: values }]);
    cut += heads.length;
  }
  return cut;
}

/** Figure rows made whole: the heads among them joined to their whole values, 500 a query. */
export async function wholeFigures(store: Store, rows: ReadonlyArray<StoredRow<FigureRow>>): Promise<Array<StoredRow<FigureRow>>> {
  const heads = rows.filter((r) => r.data.valueCount !== undefined).map((r) => r.key);
  if (heads.length === 0) return [...rows];
  const values = new Map<string, FigureRow['values']>();
  for (let i = 0; i < heads.length; i += 500) {
    for (const r of await store.getRows<FigureRow['values']>(SETS.figureValues, { keys: heads.slice(i, i + 500) })) values.set(r.key, r.data);
  }
  return rows.map((r) => r.data.valueCount === undefined ? r : { ...r, data: wholeFigure(r.data, values.get(r.key)) });
}

/** The figure rows, whole, in the record's order, `size` at a time. */
export async function* wholeFigurePages(store: Store, size: number): AsyncGenerator<Array<StoredRow<FigureRow>>> {
  for await (const rows of rowPages<FigureRow>(store, SETS.figures, size)) yield wholeFigures(store, rows);
}

/**
 * Every figure with its counts, in the record's order, `size` figures at a time: an export of a
 * large archive holds one page in memory, never the whole record.
 */
export async function* figurePages(store: Store, size = 200): AsyncGenerator<Figure[]> {
  for await (const rows of wholeFigurePages(store, size)) {
    yield withMentions(rows, await mentionRefs(store, await store.getRows<MentionRow>(SETS.mentions, { groups: rows.map((r) => r.key) })));
  }
}

/** Some of a figure's values, each with some of its counts (the counts of a value in order). */
export interface FigurePart {
  figure: FigureRow;
  values: Array<{ index: number; counts: CountRef[] }>;
}

/**
 * Every figure whole with its counts, in the record's order, as parts of at most about `budget`
 * counts: figures that fit together come together, a larger one value by value and each value
 * `budget` counts at a time. An export then holds a bounded number of counts (and of their
 * reports' metadata) whatever the size of the archive or of its largest figure.
 */
export async function* figureParts(store: Store, budget = 5000, size = 100): AsyncGenerator<FigurePart[]> {
  const total = (f: FigureRow) => f.values.reduce((n, v) => n + v.mentions, 0);
  let group: FigureRow[] = [];
  let held = 0;
  const flush = async (): Promise<FigurePart[]> => {
    const figures = group;
    group = [];
    held = 0;
    if (figures.length === 0) return [];
    const byTag = countsByTag(await mentionRefs(store, await store.getRows<MentionRow>(SETS.mentions, { groups: figures.map((f) => f.id) })));
    return figures.map((f) => ({ figure: f, values: f.values.map((_, index) => ({ index, counts: byTag.get(`${f.id}:${pad(index)}`) ?? [] })) }));
  };
  for await (const rows of wholeFigurePages(store, size)) {
    for (const { data: f } of rows) {
      const n = total(f);
      if (n <= budget) {
        if (held + n > budget) yield await flush();
        group.push(f);
        held += n;
        continue;
      }
      const before = await flush();
      if (before.length) yield before;
      for (let index = 0; index < f.values.length; index++) {
        for (let offset = 0; ; offset += budget) {
          const page = await store.getRows<MentionRow>(SETS.mentions, { tag: `${f.id}:${pad(index)}`, limit: budget, offset });
          if (page.length > 0 || offset === 0) yield [{ figure: f, values: [{ index, counts: (await mentionRefs(store, page)).map((r) => r.data) }] }];
          if (page.length < budget) break;
        }
      }
    }
  }
  const last = await flush();
  if (last.length) yield last;
}

/** The rows of a set in its order, `size` at a time (no empty page). */
export async function* rowPages<T>(store: Store, set: string, size: number): AsyncGenerator<Array<StoredRow<T>>> {
  for (let offset = 0; ; offset += size) {
    const rows = await store.getRows<T>(set, { limit: size, offset });
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}

/** The whole stored record, assembled from its rows; null before the first build. */
export async function loadRecord(store: Store): Promise<ReconcileRecord | null> {
  const info = await buildInfo(store);
  if (info === null) return null;
  const data = async <T>(set: string) => (await store.getRows<T>(set)).map((r) => r.data);
  const figures = withMentions(await wholeFigures(store, await store.getRows<FigureRow>(SETS.figures)), await mentionRefs(store, await store.getRows<MentionRow>(SETS.mentions)));
  const groups = await data<string[]>(SETS.groups);
  const groupOf: Record<string, string> = {};
  for (const g of groups) for (const doc of g) groupOf[doc] = g[0]!;
  const entityMentions: NonNullable<ReconcileRecord['entityMentions']> = {};
  for (const r of await store.getRows<NonNullable<ReconcileRecord['entityMentions']>[string]>(SETS.entityMentions)) entityMentions[r.key] = r.data;
  return {
    builtAt: info.builtAt,
    documents: info.documents,
    events: (await data<EventRow>(SETS.events)).map(({ figures: _n, ...e }) => e),
    figures,
    checks: (await data<CheckRow>(SETS.checks)).map(({ figureIds: _f, ...c }): CheckResult => c),
    timeline: await data<TimelineEntry>(SETS.timeline),
    publications: await data<PublicationEntry>(SETS.publications),
    sources: { groups, groupOf, pairs: (await store.getRows<PackedPair | SourcePair>(SETS.pairs)).map(pairOf), possible: await data<SourcePair>(SETS.possible) },
    entities: await data<EntityCluster>(SETS.entities),
    entityMentions,
  };
}
