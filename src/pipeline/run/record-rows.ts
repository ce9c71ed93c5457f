/** The reconciled record ⇄ its rows: what `reconcile` writes, and the whole record assembled back for readers that take it whole. */
import type { RowChange, Store } from '../../storage/store.js';
import type { CheckResult, CountRef, EntityCluster, PublicationEntry, SourcePair, TimelineEntry } from '../3-reconcile/types.js';
import type { BuildInfo, CheckRow, EventRow, FigureRow, ReconcileRecord } from './record.js';
import { SETS, countRefKey, figureId } from './record.js';
import { isShown } from '../3-reconcile/figures/figures.js';

/** Sets `recordRows` rewrites whole on each build (pairs and assignments are kept apart). */
const REBUILT = [SETS.info, SETS.events, SETS.figures, SETS.mentions, SETS.countFigure, SETS.checks, SETS.figureChecks,
  SETS.timeline, SETS.publications, SETS.entities, SETS.entityNames, SETS.entityMentions, SETS.groups, SETS.docGroup, SETS.possible] as const;

/** A position as a key that sorts as text. */
export const pad = (n: number): string => String(n).padStart(9, '0');

/** The first and last day any dated timeline entry covers. */
function rangeOf(entries: readonly TimelineEntry[]): { start: string; end: string } | null {
  let lo: string | null = null;
  let hi: string | null = null;
  for (const e of entries) {
    if (e.start === null || e.end === null) continue;
    if (lo === null || e.start < lo) lo = e.start;
    if (hi === null || e.end > hi) hi = e.end;
  }
  return lo !== null && hi !== null ? { start: lo, end: hi } : null;
}

/** Every row of a record, replacing the previous build's. */
export function recordRows(record: ReconcileRecord, reviews: number): RowChange[] {
  const info: BuildInfo = {
    builtAt: record.builtAt, documents: record.documents, reviews,
    timelineRange: rangeOf(record.timeline), publications: record.publications.length,
  };
  const ids = record.figures.map((f) => figureId(f.key));
  const figureOf = new Map<string, string>();
  record.figures.forEach((f, i) => { for (const v of f.values) for (const c of v.counts) figureOf.set(countRefKey(c.doc, c.count), ids[i]!); });
  const checks: CheckRow[] = record.checks.map((c) => ({ ...c, figureIds: [...new Set(c.counts.map((r) => figureOf.get(countRefKey(r.doc, r.count))).filter((x): x is string => x !== undefined))] }));
  const shown = new Map<string, number>();
  for (const f of record.figures) if (isShown(f)) shown.set(f.key.event, (shown.get(f.key.event) ?? 0) + 1);
  const events: EventRow[] = record.events.map((e) => ({ ...e, figures: shown.get(e.key) ?? 0 }));
  const rows: Record<(typeof REBUILT)[number], RowChange['rows']> = {
    [SETS.info]: [{ key: 'built', data: info }],
    [SETS.events]: events.map((e, i) => ({ key: e.key, ord: i, data: e })),
    [SETS.figures]: record.figures.map((f, i) => ({
      key: ids[i]!, group: f.key.event, tag: f.key.measure, ord: i,
      data: { ...f, id: ids[i]!, values: f.values.map(({ counts, ...v }) => ({ ...v, mentions: counts.length })) } satisfies FigureRow,
    })),
    [SETS.mentions]: record.figures.flatMap((f, i) => f.values.flatMap((v, j) => v.counts.map((c, k) => ({
      key: `${ids[i]}:${pad(j)}:${pad(k)}`, group: `${ids[i]}:${pad(j)}`, ord: k, data: c,
    })))),
    [SETS.countFigure]: [...figureOf].map(([key, id]) => ({ key, group: key.slice(0, key.indexOf('\n')), data: id })),
    [SETS.checks]: checks.map((c, i) => ({ key: pad(i), group: c.event, tag: c.status, ord: i, data: c })),
    [SETS.figureChecks]: checks.flatMap((c, i) => c.figureIds.map((id) => ({ key: `${id}:${pad(i)}`, group: id, ord: i, data: pad(i) }))),
    [SETS.timeline]: record.timeline.map((e, i) => ({ key: pad(i), ord: i, lo: e.start, hi: e.end, data: e })),
    [SETS.publications]: record.publications.map((p, i) => ({ key: p.doc, ord: i, data: p })),
    [SETS.entities]: record.entities.map((e, i) => ({ key: e.canonical, ord: i, data: e })),
    [SETS.entityNames]: record.entities.flatMap((e) => e.names.map((n) => ({ key: n.name, group: e.canonical, data: e.canonical }))),
    [SETS.entityMentions]: Object.entries(record.entityMentions ?? {}).map(([name, m], i) => ({ key: name, ord: i, data: m })),
    [SETS.groups]: record.sources.groups.map((members, i) => ({ key: members[0]!, tag: members.length > 1 ? 'shared' : null, ord: i, data: members })),
    [SETS.docGroup]: Object.entries(record.sources.groupOf).map(([doc, g]) => ({ key: doc, group: g, data: g })),
    [SETS.possible]: record.sources.possible.map((p, i) => ({ key: `${p.a}\t${p.b}`, group: p.a, tag: p.b, ord: i, data: p })),
  };
  return REBUILT.map((set) => ({ set, clear: 'all' as const, rows: rows[set] }));
}

/** When the stored record was built, and with how many reviews; null before the first build. */
export async function buildInfo(store: Store): Promise<BuildInfo | null> {
  return (await store.getRows<BuildInfo>(SETS.info, { key: 'built' }))[0]?.data ?? null;
}

/** The whole stored record, assembled from its rows; null before the first build. */
export async function loadRecord(store: Store): Promise<ReconcileRecord | null> {
  const info = await buildInfo(store);
  if (info === null) return null;
  const data = async <T>(set: string) => (await store.getRows<T>(set)).map((r) => r.data);
  const mentions = new Map<string, CountRef[]>();
  for (const r of await store.getRows<CountRef>(SETS.mentions)) {
    const list = mentions.get(r.group!);
    if (list === undefined) mentions.set(r.group!, [r.data]);
    else list.push(r.data);
  }
  const figures = (await store.getRows<FigureRow>(SETS.figures)).map(({ data: { id: _id, ...f }, key }) => ({
    ...f,
    values: f.values.map(({ mentions: _n, ...v }, j) => ({ ...v, counts: mentions.get(`${key}:${pad(j)}`) ?? [] })),
  }));
  const groups = await data<string[]>(SETS.groups);
  const groupOf: Record<string, string> = {};
  for (const g of groups) for (const doc of g) groupOf[doc] = g[0]!;
  const current = new Set(Object.keys(groupOf));
  const pairs = (await data<SourcePair>(SETS.pairs)).filter((p) => current.has(p.a) && current.has(p.b));
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
    sources: { groups, groupOf, pairs, possible: await data<SourcePair>(SETS.possible) },
    entities: await data<EntityCluster>(SETS.entities),
    entityMentions,
  };
}
