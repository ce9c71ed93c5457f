/** Figures: counts grouped by (event, measure, group, unit), with values, support and a verdict. */
import { CASUALTY_MEASURES } from '../../../domain/types.js';
import { sourceLookup, type SourceLookup } from '../sources/same-source.js';
import { edtfRange } from '../timeline/edtf.js';
import type { Count, DateMention } from '../../../domain/types.js';
import type { CountRef, CountWhat, EventCount, Figure, FigureKey, ReportInput } from '../types.js';
import { buildValues, sentenceKind } from './values.js';
import type { DataKind } from '../types.js';
import { verdictOf, type Published, type VerdictContext } from './verdict.js';
import { figureName, valuePhrase } from './wording.js';
import { countsWhat, PART, whatKey } from './what.js';

/** What figures are computed against. */
export interface FigureOptions {
  /**
   * The reports the counts come from (meta for publication dates; text and counts, when given,
   * for what a count's sentence says of it when its ref does not carry it: `ownKind`, `what`).
   */
  reports: ReadonlyArray<Pick<ReportInput, 'id' | 'meta'> & { text?: string; counts?: Count[]; dates?: DateMention[] }>;
  /** Source groups and shared passages; without it every report is its own source. */
  sources?: SourceLookup;
  /** Widening of approximate values when comparing (default 0.1). */
  tolerance?: number;
  /** Days between reports before differing values count as a change over time (default 30). */
  minGapDays?: number;
  /** The kind each count's sentence gives it, when known without the text (see `sentenceKind`). */
  ownKind?: (ref: CountRef) => DataKind;
}

/** The string a figure is keyed by; a figure of no qualifier or scope keeps the key it always had. */
export function figureKeyString(k: FigureKey): string {
  const what = whatKey(k);
  return `${k.event}\u0000${k.measure}\u0000${k.group}\u0000${k.unit}${what === '' ? '' : `\u0000${what}`}`;
}

/** The figure key of an assigned count: what it counts is part of it ("orphaned · lost both parents"). */
export function figureKeyOf(c: EventCount, what: CountWhat | undefined = c.what): FigureKey {
  const key: FigureKey = { event: c.event, measure: c.count.measure, group: c.count.group, unit: c.count.unit };
  if (what?.qualifier !== undefined) key.qualifier = what.qualifier;
  if (what?.scope !== undefined) key.scope = what.scope;
  return key;
}

/** Tolls that grow as the dead and injured are found: a later, higher value is their later state (see `VerdictContext.rising`). */
const RISING = new Set<string>(['killed', 'injured', 'casualties']);

/** Shared lookups for one batch of figures. */
function contextOf(options: FigureOptions) {
  const reports = new Map(options.reports.map((r) => [r.id, r]));
  const published = new Map<string, Published | null>();
  for (const r of options.reports) {
    const value = r.meta.published;
    const range = value === undefined ? null : edtfRange(value);
    published.set(r.id, value === undefined || range === null ? null : { value, range });
  }
  const verdict: VerdictContext = { published: (doc) => published.get(doc) ?? null, minGapDays: options.minGapDays };
  const ownKind = options.ownKind ?? ((ref: CountRef) => sentenceKind(reports.get(ref.doc)?.text?.slice(ref.count.sentence.start, ref.count.sentence.end) ?? ''));
  // Refs read from stored rows carry `what`; refs made from texts in memory get it from the text.
  const whatByDoc = new Map<string, CountWhat[]>();
  const whatOf = (ref: CountRef): CountWhat | undefined => {
    if (ref.what !== undefined) return ref.what;
    const r = reports.get(ref.doc);
    if (r?.text === undefined || r.counts === undefined || r.counts[ref.index] !== ref.count) return undefined;
    let list = whatByDoc.get(ref.doc);
    if (list === undefined) whatByDoc.set(ref.doc, (list = countsWhat(r.text, r.counts, r.dates)));
    return list[ref.index];
  };
  verdict.revision = (ref) => whatOf(ref)?.revision;
  verdict.asOf = (ref) => whatOf(ref)?.asOf;
  return { verdict, ownKind, whatOf, sources: options.sources ?? sourceLookup([]), tolerance: options.tolerance };
}

/** One figure from its counts; what to recompute when a report adds counts to it. */
export function buildFigure(key: FigureKey, eventLabel: string, counts: readonly EventCount[], options: FigureOptions): Figure {
  return figureFrom(key, eventLabel, counts, contextOf(options));
}

function figureFrom(key: FigureKey, eventLabel: string, counts: readonly EventCount[], ctx: ReturnType<typeof contextOf>): Figure {
  const values = buildValues(counts, ctx);
  for (const v of values) v.phrase = valuePhrase(v, key);
  return { key, eventLabel, label: figureName(key), values, verdict: verdictOf(values, { ...ctx.verdict, rising: RISING.has(key.measure) }) };
}

/** Measures in the order reports give them; population and other last. */
function measureRank(m: string): number {
  const i = CASUALTY_MEASURES.indexOf(m as (typeof CASUALTY_MEASURES)[number]);
  return i < 0 ? CASUALTY_MEASURES.length + (m === 'population' ? 0 : 1) : i;
}

/**
 * Every figure, ordered by event (first appearance), measure, group (`all` first) and unit.
 * Linear in counts plus each value's sources; recomputed per event when reports are added.
 */
export function buildFigures(counts: readonly EventCount[], options: FigureOptions): Figure[] {
  const ctx = contextOf(options);
  const groups = new Map<string, { key: FigureKey; label: string; counts: EventCount[]; first: number }>();
  const eventOrder = new Map<string, number>();
  counts.forEach((c, i) => {
    if (!eventOrder.has(c.event)) eventOrder.set(c.event, eventOrder.size);
    const key = figureKeyOf(c, ctx.whatOf(c));
    const k = figureKeyString(key);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, { key, label: c.eventLabel, counts: [c], first: i });
    else g.counts.push(c);
  });
  const ordered = [...groups.values()].sort((a, b) =>
    eventOrder.get(a.key.event)! - eventOrder.get(b.key.event)! ||
    measureRank(a.key.measure) - measureRank(b.key.measure) ||
    Number(a.key.group !== 'all') - Number(b.key.group !== 'all') ||
    Number(whatKey(a.key) !== '') - Number(whatKey(b.key) !== '') ||
    a.first - b.first);
  const figures = ordered.map((g) => figureFrom(g.key, g.label, g.counts, ctx));
  // "31 of the injured" is a part of the injured figure, not a rival of it.
  const byKey = new Map(figures.map((f) => [figureKeyString(f.key), f]));
  for (const f of figures) {
    if (f.key.scope !== PART) continue;
    const { scope: _part, ...whole } = f.key;
    if (byKey.has(figureKeyString(whole))) f.partOf = whole;
  }
  return figures;
}

/** Casualty figures only, unless `all`: population and other counts are kept but not figures of harm. */
export function isShown(f: { key: FigureKey }, all = false): boolean {
  return all || (f.key.measure !== 'population' && f.key.measure !== 'other');
}
