/** A joint figure ("169 women and children") checked against its separate parts (106 + 63). */
import { boundsKey, intervalOf, rangeLabel } from '../figures/ranges.js';
import { sameSource, type SourceLookup } from '../sources/same-source.js';
import type { CheckResult, EventCount } from '../types.js';
import { atoms, describe, describePart, result } from './select.js';

/** Counts of single groups by quantity and group, then by report: parts are found without a scan. */
type PartIndex = Map<string, Map<string, EventCount[]>>;

function partKey(c: EventCount, group: string): string {
  return `${c.event}\u0000${c.count.measure}\u0000${c.count.unit}\u0000${group}`;
}

function indexParts(counts: readonly EventCount[]): PartIndex {
  const index: PartIndex = new Map();
  for (const c of counts) {
    if (atoms(c.count.group).length !== 1) continue;
    const k = partKey(c, c.count.group);
    let byDoc = index.get(k);
    if (byDoc === undefined) index.set(k, (byDoc = new Map()));
    const list = byDoc.get(c.doc);
    if (list === undefined) byDoc.set(c.doc, [c]);
    else list.push(c);
  }
  return index;
}

/** Where parts are looked for, narrowest first: a sum is most telling within one sentence. */
interface Scope {
  name: string;
  docs: (joint: EventCount) => string[];
  holds: (joint: EventCount, part: EventCount) => boolean;
}

function scopes(sources: SourceLookup | undefined): Scope[] {
  const own = (j: EventCount) => [j.doc];
  const list: Scope[] = [
    { name: 'same sentence', docs: own, holds: (j, p) => j.count.sentence.start === p.count.sentence.start && j.count.sentence.end === p.count.sentence.end },
    { name: 'same report', docs: own, holds: () => true },
  ];
  if (sources !== undefined) {
    list.push({
      name: 'same source',
      docs: (j) => [...new Set([j.doc, ...sources.members(sources.groupOf(j.doc)), ...sources.passagesOf(j.doc).map((v) => v.other.doc)])],
      holds: (j, p) => sameSource(j, p, sources).same,
    });
  }
  return list;
}

/** The part count for each of the joint's groups within a scope, nearest first; null if one is missing. */
function partsIn(joint: EventCount, index: PartIndex, scope: Scope): EventCount[] | null {
  const docs = scope.docs(joint);
  const distance = (c: EventCount) => (c.doc === joint.doc ? Math.abs(c.count.span.start - joint.count.span.start) : Infinity);
  const parts: EventCount[] = [];
  for (const a of atoms(joint.count.group)) {
    const byDoc = index.get(partKey(joint, a));
    const inScope = docs.flatMap((d) => byDoc?.get(d) ?? []).filter((c) => scope.holds(joint, c));
    const best = inScope.sort((x, y) => distance(x) - distance(y))[0];
    if (best === undefined) return null;
    parts.push(best);
  }
  return parts;
}

/** The joint count against its parts' sum, compared as ranges. */
function compare(joint: EventCount, parts: EventCount[], scope: string): CheckResult {
  const lo = parts.reduce((n, p) => n + intervalOf(p.count).lo, 0);
  const hi = parts.reduce((n, p) => n + intervalOf(p.count).hi, 0);
  const j = intervalOf(joint.count);
  const agrees = lo <= j.hi && j.lo <= hi;
  const exact = parts.every((p) => p.count.min !== null && p.count.min === p.count.max && !p.count.approximate);
  const sum = rangeLabel(exact ? { min: lo, max: lo } : { min: lo === 0 ? null : lo, max: hi === Infinity ? null : hi });
  const sumWords = `${parts.map(describePart).join(' + ')} = ${sum}`;
  const reason = `${describe(joint)} ${agrees ? 'agrees with' : 'does not match'} ${sumWords} (${scope})`;
  return result('joint-vs-parts', agrees ? 'agrees' : 'problem', [joint, ...parts], reason);
}

/** Up to `n` distinct values of one part across all reports, most reported first (one count each). */
function valuesOf(byDoc: Map<string, EventCount[]> | undefined, n: number): EventCount[] {
  const byValue = new Map<string, { first: EventCount; docs: Set<string>; order: number }>();
  for (const list of byDoc?.values() ?? []) {
    for (const c of list) {
      const k = boundsKey(c.count);
      const v = byValue.get(k) ?? { first: c, docs: new Set<string>(), order: byValue.size };
      v.docs.add(c.doc);
      byValue.set(k, v);
    }
  }
  return [...byValue.values()].sort((a, b) => b.docs.size - a.docs.size || a.order - b.order).slice(0, n).map((v) => v.first);
}

/** Every choice of one value per part (first choices first). */
function combinations(options: EventCount[][]): EventCount[][] {
  return options.reduce<EventCount[][]>((acc, list) => acc.flatMap((combo) => list.map((c) => [...combo, c])), [[]]);
}

/**
 * Last resort: the parts as other reports on the event state them. Each part may have several
 * values; the joint agrees when some choice of them adds up to it (that choice is shown), and
 * is a problem when none does (the most reported choice is shown).
 */
function acrossReports(joint: EventCount, index: PartIndex, perPart: number): CheckResult | null {
  const options = atoms(joint.count.group).map((a) => valuesOf(index.get(partKey(joint, a)), perPart));
  if (options.some((o) => o.length === 0)) return null;
  const combos = combinations(options);
  const results = combos.map((parts) => compare(joint, parts, 'other reports'));
  return results.find((r) => r.status === 'agrees') ?? results[0]!;
}

/**
 * For every joint count (a group with "+"), the separate counts of its groups in the same
 * sentence, else report, else source (when `sources` is given), else as other reports on the
 * event give them; the parts' sum is compared with the joint value as ranges. A joint count
 * whose parts nobody states is not checked.
 */
export function jointVsParts(counts: readonly EventCount[], sources?: SourceLookup, perPart = 3): CheckResult[] {
  const index = indexParts(counts);
  const out: CheckResult[] = [];
  for (const joint of counts) {
    if (atoms(joint.count.group).length < 2) continue;
    let found: CheckResult | null = null;
    for (const scope of scopes(sources)) {
      const parts = partsIn(joint, index, scope);
      if (parts === null) continue;
      found = compare(joint, parts, scope.name);
      break;
    }
    found ??= acrossReports(joint, index, perPart);
    if (found !== null) out.push(found);
  }
  return out;
}
