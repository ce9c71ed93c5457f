/** Breakdown checks: a subgroup larger than its total, subgroups that add up to more than it. */
import { definitelyAbove, formatNumber, intervalOf } from '../figures/ranges.js';
import type { CheckResult, EventCount } from '../types.js';
import { atoms, byReport, describe, describePart, result, totalsOf, type TotalChoice } from './select.js';

/** Every subgroup count of a report with the total it belongs to. */
function partsWithTotals(report: readonly EventCount[]): Array<{ part: EventCount; choice: TotalChoice }> {
  const totalFor = totalsOf(report);
  return report.flatMap((part) => {
    if (part.count.group === 'all') return [];
    const choice = totalFor(part);
    return choice === null ? [] : [{ part, choice }];
  });
}

/** "700 women killed" cannot be part of "613 killed". */
export function subgroupExceedsTotal(counts: readonly EventCount[]): CheckResult[] {
  const out: CheckResult[] = [];
  for (const report of byReport(counts).values()) {
    for (const { part, choice } of partsWithTotals(report)) {
      if (!definitelyAbove(part.count, choice.total.count)) continue;
      out.push(result('subgroup-exceeds-total', 'problem', [part, choice.total],
        `${describe(part)} is more than ${describe(choice.total)}, ${choice.how}`));
    }
  }
  return out;
}

/**
 * The subgroups of one total that do not share a group: single groups first, so "women" and
 * "children" are summed rather than also "women+children"; one count per group, the first.
 */
function disjointParts(parts: EventCount[]): EventCount[] {
  const ordered = [...parts].sort((a, b) => atoms(a.count.group).length - atoms(b.count.group).length || a.index - b.index);
  const used = new Set<string>();
  const chosen: EventCount[] = [];
  for (const p of ordered) {
    const as = atoms(p.count.group);
    if (as.length === 0 || as.some((a) => used.has(a))) continue;
    for (const a of as) used.add(a);
    chosen.push(p);
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/**
 * "106 women + 63 children + 500 elderly" with a total of 613: the least the parts allow,
 * added up, exceeds the most the total allows. The groups are taken not to overlap (elderly
 * women are a caveat the reason states).
 */
export function subgroupsExceedTotal(counts: readonly EventCount[]): CheckResult[] {
  const out: CheckResult[] = [];
  for (const report of byReport(counts).values()) {
    const byTotal = new Map<EventCount, EventCount[]>();
    for (const { part, choice } of partsWithTotals(report)) {
      const list = byTotal.get(choice.total);
      if (list === undefined) byTotal.set(choice.total, [part]);
      else list.push(part);
    }
    for (const [total, parts] of byTotal) {
      const chosen = disjointParts(parts);
      if (chosen.length < 2) continue;
      const least = chosen.reduce((n, p) => n + intervalOf(p.count, 0).lo, 0);
      if (least <= intervalOf(total.count, 0).hi) continue;
      const sum = chosen.map(describePart).join(' + ');
      out.push(result('subgroups-exceed-total', 'problem', [total, ...chosen],
        `${sum} = ${formatNumber(least)}, more than ${describe(total)} (if the groups do not overlap)`));
    }
  }
  return out;
}
