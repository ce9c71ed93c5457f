/** The distinct values of one figure, each with the counts, attributions and sources behind it. */
import type { Count } from '../../../domain/types.js';
import { independentCount, type SourceLookup } from '../sources/same-source.js';
import type { CountRef, DataKind, FigureValue } from '../types.js';
import { boundsKey, intervalOf, rangeLabel } from './ranges.js';

// "according to unofficial data", "official figures put the toll at …"
const KIND_IN_SENTENCE = /\b(un)?official\s+(?:data|figures?|counts?|toll|statistics|estimates?|numbers?|sources?|records?)\b/gi;

/**
 * Official or unofficial, as the attribution says (its `kind`, else the words official /
 * unofficial in it); for a count in the report's own voice, as its sentence says when it
 * names only one of the two.
 */
export function dataKind(count: Count, sentenceText = ''): DataKind {
  return attributedKind(count) ?? sentenceKind(sentenceText);
}

/** The kind an attribution gives (null for a count in the report's own voice). */
function attributedKind(count: Count): DataKind | null {
  const a = count.attribution;
  if (a === null) return null;
  if (a.kind !== undefined) return a.kind;
  const words = `${a.text} ${a.source}`;
  if (/\bunofficial\b/i.test(words)) return 'unofficial';
  if (/\bofficial\b/i.test(words)) return 'official';
  return 'none';
}

/** The kind a sentence gives a count in the report's own voice: the one of official / unofficial data it names. */
export function sentenceKind(sentenceText: string): DataKind {
  const kinds = new Set([...sentenceText.matchAll(KIND_IN_SENTENCE)].map((m) => (m[1] === undefined ? 'official' : 'unofficial')));
  return kinds.size === 1 ? [...kinds][0]! : 'none';
}

/** What `buildValues` needs besides the counts. */
export interface ValueContext {
  /** What a count's sentence says of its kind when the count has no attribution (see `sentenceKind`). */
  ownKind(ref: CountRef): DataKind;
  sources: SourceLookup;
  /** Widening of approximate values when comparing (default 0.1). */
  tolerance?: number;
}

/** Items of a list by how often they occur, then by first occurrence. */
function byFrequency(items: string[]): string[] {
  const n = new Map<string, number>();
  const first = new Map<string, number>();
  items.forEach((s, i) => {
    n.set(s, (n.get(s) ?? 0) + 1);
    if (!first.has(s)) first.set(s, i);
  });
  return [...n.keys()].sort((a, b) => n.get(b)! - n.get(a)! || first.get(a)! - first.get(b)!);
}

const KIND_ORDER: DataKind[] = ['official', 'unofficial', 'none'];

/**
 * One value per distinct (min, max), ranked by independent sources, then reports, then counts,
 * then first appearance: support decides the order, never the number or who states it.
 * `phrase` is left empty for the caller to word.
 */
export function buildValues(refs: readonly CountRef[], ctx: ValueContext): FigureValue[] {
  const groups = new Map<string, CountRef[]>();
  for (const ref of refs) {
    const key = boundsKey(ref.count);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [ref]);
    else list.push(ref);
  }
  const values = [...groups.values()].map((counts, first) => {
    const { min, max } = counts[0]!.count;
    const approximate = counts.every((r) => r.count.approximate);
    const sources = counts.flatMap((r) => (r.count.attribution === null ? [] : [r.count.attribution.source]));
    const kinds = new Set(counts.map((r) => attributedKind(r.count) ?? ctx.ownKind(r)));
    const value: FigureValue = {
      min,
      max,
      label: rangeLabel({ min, max, approximate }),
      approximate,
      counts,
      attributions: byFrequency(sources),
      unattributed: counts.length - sources.length,
      kinds: KIND_ORDER.filter((k) => kinds.has(k)),
      reports: [...new Set(counts.map((r) => r.doc))],
      independent: independentCount(counts, ctx.sources),
      compatibleWith: [],
      phrase: '',
    };
    return { value, first };
  });
  values.sort((x, y) =>
    y.value.independent - x.value.independent ||
    y.value.reports.length - x.value.reports.length ||
    y.value.counts.length - x.value.counts.length ||
    x.first - y.first);
  const out = values.map((v) => v.value);
  // As `compatible` says, with each interval computed once: a figure of a large corpus has
  // hundreds of values, and every pair of them is compared.
  const lo = new Float64Array(out.length);
  const hi = new Float64Array(out.length);
  out.forEach((v, i) => {
    const r = intervalOf(v, ctx.tolerance);
    lo[i] = r.lo;
    hi[i] = r.hi;
  });
  out.forEach((v, i) => {
    const list: number[] = [];
    for (let j = 0; j < out.length; j++) if (j !== i && lo[i]! <= hi[j]! && lo[j]! <= hi[i]!) list.push(j);
    v.compatibleWith = list;
  });
  return out;
}
