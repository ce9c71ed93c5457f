/** Two counts in one report that cannot both hold: same quantity, same voice, incompatible values. */
import { boundsKey, compatible } from '../figures/ranges.js';
import type { CheckResult, EventCount } from '../types.js';
import { byReport, describe, groupedBy, quantityKey, result, sourceOf } from './select.js';

// Subjects that say nothing about who is counted, so they never tell two quantities apart.
const GENERIC_SUBJECTS = new Set(['', 'people', 'persons', 'person', 'individuals', 'victims']);

/** True unless the subjects name different people ("civilians" and "soldiers" are two figures). */
function sameSubject(a: EventCount, b: EventCount): boolean {
  const x = a.count.subject.trim().toLowerCase();
  const y = b.count.subject.trim().toLowerCase();
  return x === y || GENERIC_SUBJECTS.has(x) || GENERIC_SUBJECTS.has(y);
}

/**
 * A report states one quantity this many times or fewer, and every pair of its figures is
 * compared (an article does: in the seeds and the development sets no quantity passes 17). A long
 * compilation of many stories may state it tens of thousands of times: then each figure is read
 * against the next one only, and each pair of values is reported once, so it costs what its
 * counts do, not their square.
 */
export const ALL_PAIRS_UP_TO = 24;

/** A figure's value and subject, as a contradiction's pair of values tells them apart. */
function valueKey(c: EventCount): string {
  return `${boundsKey(c.count)}${c.count.approximate ? '~' : ''}\u0001${c.count.subject.trim().toLowerCase()}`;
}

/** What two counts must share to be compared: event, measure, unit, what is counted, group and voice. */
function comparedKey(c: EventCount): string {
  return `${quantityKey(c)}\u0000${c.count.group}\u0000${sourceOf(c.count) ?? ''}`;
}

/**
 * Pairs of counts in one report with the same event, measure, group, unit and attribution
 * (or both in the report's own voice) whose ranges do not overlap. Counts of differently named
 * subjects are left alone: "412 civilians" and "30 soldiers" killed are not a contradiction.
 * In a long compilation (see ALL_PAIRS_UP_TO) a pair of values is reported once: "613"
 * against "1,300" said three times is one contradiction, shown where it first appears.
 */
export function contradictions(counts: readonly EventCount[], tolerance = 0.1): CheckResult[] {
  const out: CheckResult[] = [];
  for (const report of byReport(counts).values()) {
    const found: Array<{ i: number; j: number }> = [];
    for (const bucket of groupedBy(report.map((c, i) => ({ c, i })), (x) => comparedKey(x.c)).values()) {
      const first = bucket[0]!.c;
      // "other" and "population" are not one quantity.
      if (first.count.measure === 'other' || first.count.measure === 'population') continue;
      const long = bucket.length > ALL_PAIRS_UP_TO;
      const seen = new Set<string>();
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length && (!long || y === x + 1); y++) {
          const a = bucket[x]!.c;
          const b = bucket[y]!.c;
          if (!sameSubject(a, b) || compatible(a.count, b.count, tolerance)) continue;
          if (long) {
            const values = [valueKey(a), valueKey(b)].sort().join('\u0000');
            if (seen.has(values)) continue;
            seen.add(values);
          }
          found.push({ i: bucket[x]!.i, j: bucket[y]!.i });
        }
      }
    }
    // In the report's order, as pairs were always listed.
    found.sort((p, q) => p.i - q.i || p.j - q.j);
    for (const { i, j } of found) {
      const a = report[i]!;
      const b = report[j]!;
      const voice = a.count.attribution === null ? 'both in the report\'s own voice' : `both according to ${a.count.attribution.source}`;
      out.push(result('contradiction', 'problem', [a, b], `the report gives ${describe(a)} and ${describe(b)}, ${voice}`));
    }
  }
  return out;
}
