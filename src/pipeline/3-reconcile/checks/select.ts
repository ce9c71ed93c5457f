/** Which counts a check compares: the total a subgroup belongs to, and a report's counts by quantity. */
import type { Count } from '../../../domain/types.js';
import { groupPhrase, measurePhrase } from '../figures/wording.js';
import { rangeLabel } from '../figures/ranges.js';
import { whatKey } from '../figures/what.js';
import type { CheckKind, CheckResult, EventCount } from '../types.js';

/**
 * The quantity two counts must share to be compared at all, as one key: event, measure, unit
 * and what is counted ("25 lost both parents" and "130 lost one parent" are two quantities).
 */
export function quantityKey(c: EventCount): string {
  return `${c.event}\u0000${c.count.measure}\u0000${c.count.unit}\u0000${whatKey(c.what)}`;
}

/** The attribution source, or null for the report's own voice. */
export function sourceOf(c: Count): string | null {
  return c.attribution === null ? null : c.attribution.source.trim().toLowerCase();
}

/** The groups a group is made of: "women+children" → women, children. */
export function atoms(group: string): string[] {
  return group.split('+').map((g) => g.trim()).filter((g) => g !== '' && g !== 'all');
}

/** A count in words: "613 killed", "106 women killed". */
export function describe(c: EventCount): string {
  return measurePhrase(rangeLabel(c.count), c.count);
}

/** A part in a sum: "106 women". */
export function describePart(c: EventCount): string {
  return groupPhrase(rangeLabel(c.count), c.count);
}

/** The total a subgroup count is a part of, and how it was chosen. */
export interface TotalChoice {
  total: EventCount;
  how: string;
}

/**
 * The nearest of some counts to a position, as `gap` orders them (at or before it nearer than
 * after it by half a character; the first in the report's order on a tie): a binary search over
 * the counts by start, so a long report is not one pass over its counts per part.
 */
class Nearest {
  private readonly list: Array<{ c: EventCount; at: number; i: number }> = [];
  add(c: EventCount, i: number): void { this.list.push({ c, at: c.count.span.start, i }); }
  /** Call once all are added. */
  seal(): this { this.list.sort((x, y) => x.at - y.at || x.i - y.i); return this; }
  to(at: number): EventCount | undefined {
    const l = this.list;
    let lo = 0;
    let hi = l.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (l[mid]!.at <= at) lo = mid + 1; else hi = mid; }
    // l[lo - 1] is the last at or before `at`, l[lo] the first after it.
    const before = lo > 0 ? l[lo - 1]!.at : undefined;
    const after = lo < l.length ? l[lo]!.at : undefined;
    if (before === undefined && after === undefined) return undefined;
    if (before !== undefined && (after === undefined || at - before <= after - at)) {
      let k = lo - 1;
      while (k > 0 && l[k - 1]!.at === before) k--;
      return l[k]!.c;
    }
    return l[lo]!.c;
  }
}

/** Where a report's totals are looked up: by quantity, and within it by sentence and by attribution. */
interface Wholes { any: Nearest; bySentence: Map<string, Nearest>; bySource: Map<string, Nearest> }

/**
 * The total of each subgroup count within its report: the count its `partOf` names; else the
 * nearest whole (`all`) count of the same quantity in its sentence; else in the report with the
 * same attribution; else the nearest in the report. Index the report once, then ask per part.
 */
export function totalsOf(report: readonly EventCount[]): (part: EventCount) => TotalChoice | null {
  const byIndex = new Map<number, EventCount>();
  const wholes = new Map<string, Wholes>();
  const slot = <K>(m: Map<K, Nearest>, k: K) => { let n = m.get(k); if (n === undefined) m.set(k, (n = new Nearest())); return n; };
  report.forEach((c, i) => {
    if (!byIndex.has(c.index)) byIndex.set(c.index, c);
    if (c.count.group !== 'all') return;
    const q = quantityKey(c);
    let w = wholes.get(q);
    if (w === undefined) wholes.set(q, (w = { any: new Nearest(), bySentence: new Map(), bySource: new Map() }));
    w.any.add(c, i);
    slot(w.bySentence, `${c.count.sentence.start}:${c.count.sentence.end}`).add(c, i);
    slot(w.bySource, sourceOf(c.count) ?? '\u0000').add(c, i);
  });
  for (const w of wholes.values()) {
    w.any.seal();
    for (const n of w.bySentence.values()) n.seal();
    for (const n of w.bySource.values()) n.seal();
  }
  return (part) => {
    if (part.count.partOf !== undefined) {
      const t = byIndex.get(part.count.partOf);
      if (t !== undefined && t !== part) return { total: t, how: 'the count it is given as part of' };
    }
    const w = wholes.get(quantityKey(part));
    if (w === undefined) return null;
    // A whole count is never its own part: `part` is in none of these lists unless it is a whole.
    const at = part.count.span.start;
    const pick = (n: Nearest | undefined) => {
      const c = n?.to(at);
      return c === part ? undefined : c;
    };
    const s = part.count.sentence;
    const inSentence = pick(w.bySentence.get(`${s.start}:${s.end}`));
    if (inSentence !== undefined) return { total: inSentence, how: 'the total in the same sentence' };
    const sameAttribution = pick(w.bySource.get(sourceOf(part.count) ?? '\u0000'));
    if (sameAttribution !== undefined) return { total: sameAttribution, how: 'the total in the same report, same attribution' };
    const any = pick(w.any);
    return any === undefined ? null : { total: any, how: 'the nearest total in the same report' };
  };
}

/** Counts grouped by a key (their report, their event), groups and members in input order. */
export function groupedBy<T = EventCount>(counts: readonly T[], keyOf: (c: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const c of counts) {
    const k = keyOf(c);
    const list = out.get(k);
    if (list === undefined) out.set(k, [c]);
    else list.push(c);
  }
  return out;
}

/** Reports' counts grouped by report id, in input order. */
export function byReport(counts: readonly EventCount[]): Map<string, EventCount[]> {
  return groupedBy(counts, (c) => c.doc);
}

/** A check result pointing at the spans of every count involved. */
export function result(kind: CheckKind, status: CheckResult['status'], involved: EventCount[], reason: string): CheckResult {
  const first = involved[0]!;
  return {
    kind,
    status,
    event: first.event,
    measure: first.count.measure,
    reason,
    counts: involved.map(({ doc, index, count, core }) => (core === undefined ? { doc, index, count } : { doc, index, count, core })),
    spans: involved.map((c) => ({ doc: c.doc, span: c.count.span })),
  };
}
