/** Two counts in one report that cannot both hold: same quantity, same voice, incompatible values. */
import { compatible } from '../figures/ranges.js';
import type { CheckResult, EventCount } from '../types.js';
import { byReport, describe, result, sameQuantity, sourceOf } from './select.js';

// Subjects that say nothing about who is counted, so they never tell two quantities apart.
const GENERIC_SUBJECTS = new Set(['', 'people', 'persons', 'person', 'individuals', 'victims']);

/** True unless the subjects name different people ("civilians" and "soldiers" are two figures). */
function sameSubject(a: EventCount, b: EventCount): boolean {
  const x = a.count.subject.trim().toLowerCase();
  const y = b.count.subject.trim().toLowerCase();
  return x === y || GENERIC_SUBJECTS.has(x) || GENERIC_SUBJECTS.has(y);
}

/**
 * Pairs of counts in one report with the same event, measure, group, unit and attribution
 * (or both in the report's own voice) whose ranges do not overlap. Counts of differently named
 * subjects are left alone: "412 civilians" and "30 soldiers" killed are not a contradiction.
 */
export function contradictions(counts: readonly EventCount[], tolerance = 0.1): CheckResult[] {
  const out: CheckResult[] = [];
  for (const report of byReport(counts).values()) {
    for (let i = 0; i < report.length; i++) {
      for (let j = i + 1; j < report.length; j++) {
        const a = report[i]!;
        const b = report[j]!;
        if (!sameQuantity(a, b) || a.count.group !== b.count.group || sourceOf(a.count) !== sourceOf(b.count)) continue;
        // "other" and "population" are not one quantity.
        if (a.count.measure === 'other' || a.count.measure === 'population') continue;
        if (!sameSubject(a, b) || compatible(a.count, b.count, tolerance)) continue;
        const voice = a.count.attribution === null ? 'both in the report\'s own voice' : `both according to ${a.count.attribution.source}`;
        out.push(result('contradiction', 'problem', [a, b], `the report gives ${describe(a)} and ${describe(b)}, ${voice}`));
      }
    }
  }
  return out;
}
