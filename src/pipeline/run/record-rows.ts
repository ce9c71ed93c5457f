/** The reconciled record ⇄ its rows: what `reconcile` writes, and the whole record assembled back for readers that take it whole. */
import type { RowChange, Store } from '../../storage/store.js';
import type { CheckResult, CountRef, EntityCluster, PublicationEntry, SourcePair, TimelineEntry } from '../3-reconcile/types.js';
import type { BuildInfo, EventSummary, FigureRow, ReconcileRecord } from './record.js';
import { SETS } from './record.js';

/** Sets `recordRows` rewrites whole on each build (pairs and assignments are kept apart). */
const REBUILT = [SETS.info, SETS.events, SETS.figures, SETS.mentions, SETS.checks, SETS.timeline, SETS.publications,
  SETS.entities, SETS.entityMentions, SETS.groups, SETS.possible] as const;

const pad = (n: number) => String(n).padStart(9, '0');

/** Every row of a record, replacing the previous build's. */
export function recordRows(record: ReconcileRecord, reviews: number): RowChange[] {
  const info: BuildInfo = { builtAt: record.builtAt, documents: record.documents, reviews };
  const figures: FigureRow[] = record.figures.map((f) => ({ ...f, values: f.values.map(({ counts, ...v }) => ({ ...v, mentions: counts.length })) }));
  const mentions = record.figures.flatMap((f, i) => f.values.flatMap((v, j) => v.counts.map((c, k) => ({
    key: `${pad(i)}:${pad(j)}:${pad(k)}`, group: `${pad(i)}:${pad(j)}`, ord: k, data: c,
  }))));
  const rows: Record<(typeof REBUILT)[number], RowChange['rows']> = {
    [SETS.info]: [{ key: 'built', data: info }],
    [SETS.events]: record.events.map((e, i) => ({ key: e.key, ord: i, data: e })),
    [SETS.figures]: figures.map((f, i) => ({ key: pad(i), group: f.key.event, tag: f.key.measure, ord: i, data: f })),
    [SETS.mentions]: mentions,
    [SETS.checks]: record.checks.map((c, i) => ({ key: pad(i), group: c.event, tag: c.status, ord: i, data: c })),
    [SETS.timeline]: record.timeline.map((e, i) => ({ key: pad(i), ord: i, lo: e.start, hi: e.end, data: e })),
    [SETS.publications]: record.publications.map((p, i) => ({ key: p.doc, ord: i, data: p })),
    [SETS.entities]: record.entities.map((e, i) => ({ key: e.canonical, ord: i, data: e })),
    [SETS.entityMentions]: Object.entries(record.entityMentions ?? {}).map(([name, m], i) => ({ key: name, ord: i, data: m })),
    [SETS.groups]: record.sources.groups.map((members, i) => ({ key: members[0]!, ord: i, data: members })),
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
  const figures = (await store.getRows<FigureRow>(SETS.figures)).map((row) => ({
    ...row.data,
    values: row.data.values.map(({ mentions: _n, ...v }, j) => ({ ...v, counts: mentions.get(`${row.key}:${pad(j)}`) ?? [] })),
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
    events: await data<EventSummary>(SETS.events),
    figures,
    checks: await data<CheckResult>(SETS.checks),
    timeline: await data<TimelineEntry>(SETS.timeline),
    publications: await data<PublicationEntry>(SETS.publications),
    sources: { groups, groupOf, pairs, possible: await data<SourcePair>(SETS.possible) },
    entities: await data<EntityCluster>(SETS.entities),
    entityMentions,
  };
}
