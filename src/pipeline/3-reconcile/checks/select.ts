/** Which counts a check compares: the total a subgroup belongs to, and a report's counts by quantity. */
import type { Count } from '../../../domain/types.js';
import { groupPhrase, measurePhrase } from '../figures/wording.js';
import { rangeLabel } from '../figures/ranges.js';
import { whatKey } from '../figures/what.js';
import type { CheckKind, CheckResult, EventCount } from '../types.js';

/** The quantity two counts must share to be compared at all: "25 lost both parents" and "130 lost one parent" do not. */
export function sameQuantity(a: EventCount, b: EventCount): boolean {
  return a.event === b.event && a.count.measure === b.count.measure && a.count.unit === b.count.unit && whatKey(a.what) === whatKey(b.what);
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

/** Distance in characters between two counts of one report (before the part counts as nearer). */
function gap(part: EventCount, other: EventCount): number {
  const d = part.count.span.start - other.count.span.start;
  return d >= 0 ? d : -d + 0.5;
}

/**
 * The total of a subgroup count within its report: the count its `partOf` names; else the
 * nearest whole (`all`) count of the same quantity in its sentence; else in the report with the
 * same attribution; else the nearest in the report.
 */
export function totalFor(part: EventCount, report: readonly EventCount[]): TotalChoice | null {
  if (part.count.partOf !== undefined) {
    const t = report.find((c) => c.index === part.count.partOf);
    if (t !== undefined && t !== part) return { total: t, how: 'the count it is given as part of' };
  }
  const wholes = report.filter((c) => c !== part && c.count.group === 'all' && sameQuantity(c, part));
  const nearest = (list: EventCount[]) => [...list].sort((a, b) => gap(part, a) - gap(part, b))[0];
  const s = part.count.sentence;
  const inSentence = nearest(wholes.filter((c) => c.count.sentence.start === s.start && c.count.sentence.end === s.end));
  if (inSentence !== undefined) return { total: inSentence, how: 'the total in the same sentence' };
  const sameAttribution = nearest(wholes.filter((c) => sourceOf(c.count) === sourceOf(part.count)));
  if (sameAttribution !== undefined) return { total: sameAttribution, how: 'the total in the same report, same attribution' };
  const any = nearest(wholes);
  return any === undefined ? null : { total: any, how: 'the nearest total in the same report' };
}

/** Counts grouped by a key (their report, their event), groups and members in input order. */
export function groupedBy(counts: readonly EventCount[], keyOf: (c: EventCount) => string): Map<string, EventCount[]> {
  const out = new Map<string, EventCount[]>();
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
