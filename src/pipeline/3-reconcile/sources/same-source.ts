/** Whether two counts come from one source, and how many independent sources stand behind a set. */
import type { Span } from '../../../domain/types.js';
import type { CountRef, PassageSide, SameSourceAnswer, SharedPassage, SourcePair } from '../types.js';

/** One passage as seen from one of its reports. */
export interface PassageView {
  /** Position of the passage in the pairs it was built from; stable within one lookup. */
  id: number;
  mine: PassageSide;
  other: PassageSide;
  passage: SharedPassage;
}

/** What `sameSource` needs to know about reports: their group and their shared passages. */
export interface SourceLookup {
  groupOf(doc: string): string;
  /** The reports of a group (a report outside every group is its own). */
  members(group: string): string[];
  passagesOf(doc: string): PassageView[];
  /** Share of a count's sentence a passage must cover, besides the count itself (0..1]. */
  minSentenceShare: number;
}

/**
 * A lookup over stored pairs and a report → group map (reports not in the map are their own
 * group). `minSentenceShare` (default 0.5): a count's sentence counts as copied when a passage
 * holds the count and that share of the sentence; 1 asks for the whole sentence. Reprints edit
 * sentence openings and add "according to …" to copied sentences, hence less than the whole.
 */
export function sourceLookup(
  pairs: readonly SourcePair[],
  groupOf: Readonly<Record<string, string>> = {},
  options: { minSentenceShare?: number } = {},
): SourceLookup {
  const byDoc = new Map<string, PassageView[]>();
  const push = (doc: string, view: PassageView): void => {
    const list = byDoc.get(doc);
    if (list === undefined) byDoc.set(doc, [view]);
    else list.push(view);
  };
  let id = 0;
  for (const pair of pairs) {
    for (const passage of pair.passages) {
      push(passage.a.doc, { id, mine: passage.a, other: passage.b, passage });
      push(passage.b.doc, { id, mine: passage.b, other: passage.a, passage });
      id++;
    }
  }
  const members = new Map<string, string[]>();
  for (const [doc, group] of Object.entries(groupOf)) {
    const list = members.get(group);
    if (list === undefined) members.set(group, [doc]);
    else list.push(doc);
  }
  return {
    groupOf: (doc) => groupOf[doc] ?? doc,
    members: (group) => members.get(group) ?? [group],
    passagesOf: (doc) => byDoc.get(doc) ?? [],
    minSentenceShare: options.minSentenceShare ?? 0.5,
  };
}

/** The span a count's sentence is matched by: its word core when known. */
export function coreOf(ref: CountRef): Span {
  return ref.core ?? ref.count.sentence;
}

/** True when `inner` lies within `outer` and is not empty. */
function inside(inner: Span, outer: Span): boolean {
  return inner.end > inner.start && outer.start <= inner.start && inner.end <= outer.end;
}

/** Share of `span` that `cover` covers. */
function covered(span: Span, cover: Span): number {
  const len = span.end - span.start;
  if (len <= 0) return 0;
  return Math.max(0, Math.min(span.end, cover.end) - Math.max(span.start, cover.start)) / len;
}

/** True when the passage side holds the count's words and enough of its sentence. */
function holds(ref: CountRef, side: Span, minShare: number): boolean {
  const core = coreOf(ref);
  if (minShare >= 1) return inside(core, side);
  return inside(wordsOfCount(ref), side) && covered(core, side) >= minShare;
}

/** The count's own words, trimmed like a passage is (its quote may end on punctuation). */
function wordsOfCount(ref: CountRef): Span {
  const { span, quote } = ref.count;
  const lead = quote.length - quote.trimStart().length;
  const tail = quote.length - quote.replace(/[^\p{L}\p{N}]+$/u, '').length;
  return { start: span.start + lead, end: Math.max(span.start + lead + 1, span.end - tail) };
}

/** The passages whose side in `ref`'s report holds its sentence (see `sourceLookup`). */
export function passagesHolding(ref: CountRef, lookup: SourceLookup): PassageView[] {
  return lookup.passagesOf(ref.doc).filter((v) => holds(ref, v.mine.span, lookup.minSentenceShare));
}

/**
 * Same source when the counts are in one report, in reports of one source group, or when both
 * sentences lie in the two sides of one shared passage (the sentence was copied).
 */
export function sameSource(a: CountRef, b: CountRef, lookup: SourceLookup): SameSourceAnswer {
  if (a.doc === b.doc) return { same: true, reason: 'same report' };
  if (lookup.groupOf(a.doc) === lookup.groupOf(b.doc)) return { same: true, reason: 'same source group' };
  for (const v of passagesHolding(a, lookup)) {
    if (v.other.doc === b.doc && holds(b, v.other.span, lookup.minSentenceShare)) return { same: true, reason: 'shared passage', passage: v.passage };
  }
  return { same: false, reason: 'independent' };
}

/**
 * Splits counts into independent sources: reports join when they are one group, or when one
 * of their counts' sentences lies in a shared passage (joined through the passage itself).
 * Linear in counts × passages per report, so a figure with many counts stays cheap.
 * Returns each source's reports, in order of first appearance.
 */
export function independentUnits(refs: readonly CountRef[], lookup: SourceLookup): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    // Every node on the way now points at the root: chains stay short however many counts join.
    for (let y = x; y !== r;) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const union = (x: string, y: string): void => {
    if (!parent.has(x)) parent.set(x, x);
    if (!parent.has(y)) parent.set(y, y);
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent.set(ry, rx);
  };
  const node = (ref: CountRef): string => `g:${lookup.groupOf(ref.doc)}`;
  for (const ref of refs) {
    union(node(ref), node(ref));
    for (const v of passagesHolding(ref, lookup)) union(node(ref), `p:${v.id}`);
  }
  // A passage joins two reports only when both sides carry a count of this set.
  const units = new Map<string, Set<string>>();
  for (const ref of refs) {
    const root = find(node(ref));
    const set = units.get(root) ?? new Set<string>();
    set.add(ref.doc);
    units.set(root, set);
  }
  return [...units.values()].map((s) => [...s]);
}

/** Number of independent sources behind a set of counts. */
export function independentCount(refs: readonly CountRef[], lookup: SourceLookup): number {
  return independentUnits(refs, lookup).length;
}
