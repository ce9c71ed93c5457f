/** A figure's verdict: consistent, or diverging by attribution, by time, or source against source. */
import type { DayRange } from '../timeline/edtf.js';
import type { DataKind, FigureValue, Verdict } from '../types.js';
import { joinList } from './wording.js';

/** A report's publication date, as stated and as days. */
export interface Published {
  value: string;
  range: DayRange;
}

/** What the verdict needs to know beyond the values. */
export interface VerdictContext {
  published(doc: string): Published | null;
  /** Days that must separate the last report of one value from the first of the other (default 30). */
  minGapDays?: number;
}

const DAY = 86_400_000;

type Standing = DataKind | 'mixed';

/** Official, unofficial, neither, or both among a value's counts. */
function standing(v: FigureValue): Standing {
  const o = v.kinds.includes('official');
  const u = v.kinds.includes('unofficial');
  return o && u ? 'mixed' : o ? 'official' : u ? 'unofficial' : 'none';
}

const STANDING_WORDS: Record<Standing, string> = {
  official: 'official data',
  unofficial: 'unofficial data',
  none: 'not labelled official or unofficial',
  mixed: 'both official and unofficial data',
};

/** One side is unofficial and the other official or unlabelled: the split the reports themselves draw. */
function attributionSplit(a: FigureValue, b: FigureValue): boolean {
  const s = new Set([standing(a), standing(b)]);
  return s.size === 2 && s.has('unofficial') && (s.has('official') || s.has('none'));
}

/** First and last publication of a value's reports, or null when any report has no date. */
function publicationSpan(v: FigureValue, ctx: VerdictContext): { first: Published; last: Published } | null {
  const dates = v.reports.map((d) => ctx.published(d));
  if (dates.some((d) => d === null || d.range.start === null || d.range.end === null)) return null;
  const ds = dates as Published[];
  const first = ds.reduce((a, b) => (b.range.start! < a.range.start! ? b : a));
  const last = ds.reduce((a, b) => (b.range.end! > a.range.end! ? b : a));
  return { first, last };
}

/** True when `later` starts at least `gap` days after `earlier` ends. */
function after(earlier: Published, later: Published, gap: number): boolean {
  return Date.parse(later.range.start!) - Date.parse(earlier.range.end!) >= Math.max(1, gap) * DAY;
}

/**
 * -1 when every report of `a` was published well before every report of `b`, 1 the other way,
 * else 0. Reports a day apart are not a change over time but two sources, hence the gap.
 */
function timeOrder(a: FigureValue, b: FigureValue, ctx: VerdictContext): number {
  const x = publicationSpan(a, ctx);
  const y = publicationSpan(b, ctx);
  if (x === null || y === null) return 0;
  const gap = ctx.minGapDays ?? 30;
  if (after(x.last, y.first, gap)) return -1;
  if (after(y.last, x.first, gap)) return 1;
  return 0;
}

/** "in reports published 2018-03" or "in reports published 2018-03 to 2018-05". */
function whenPhrase(v: FigureValue, ctx: VerdictContext): string {
  const s = publicationSpan(v, ctx)!;
  const n = v.reports.length;
  const span = s.first.value === s.last.value ? s.first.value : `${s.first.value} to ${s.last.value}`;
  return `in ${n === 1 ? 'a report' : `${n} reports`} published ${span}`;
}

/** " (and 2 other pairs of values conflict)" for conflicts the named kind does not cover. */
/** Most pairs a reason spells out; the rest are counted (all stay in `pairs`). */
const LISTED = 4;

/** "a; b; c; d and 6 more pairs": the first pairs in words, then how many more. */
function listPairs(parts: readonly string[]): string {
  const rest = parts.length - LISTED;
  return rest > 0 ? `${parts.slice(0, LISTED).join('; ')}; and ${rest} more pair${rest === 1 ? '' : 's'}` : parts.join('; ');
}

function others(conflicts: Array<[number, number]>, covered: Array<[number, number]>): string {
  const key = ([i, j]: [number, number]) => (i < j ? `${i},${j}` : `${j},${i}`);
  const seen = new Set(covered.map(key));
  const n = conflicts.filter((p) => !seen.has(key(p))).length;
  return n === 0 ? '' : ` (and ${n} other pair${n === 1 ? '' : 's'} of values conflict${n === 1 ? 's' : ''})`;
}

/** All index pairs i < j. */
function pairs(n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
}

/**
 * The verdict on ranked values. Values conflict when their ranges do not overlap. A conflict
 * between an unofficial value and an official or unlabelled one is `attribution`; else one
 * where every report of a value precedes every report of the other is `time`; else `source`.
 * Values that overlap but were replaced over time (all earlier reports one, all later another)
 * are also `time`: the figure changed. Otherwise `consistent`.
 */
export function verdictOf(ranked: readonly FigureValue[], ctx: VerdictContext): Verdict {
  if (ranked.length === 0) return { status: 'consistent', reason: 'no counts' };
  if (ranked.length === 1) return { status: 'consistent', reason: `every count gives ${ranked[0]!.label}` };
  // The best-supported values are compared pair by pair; a long tail of one-off values would
  // make the reason unreadable and the work quadratic, so it is counted, not listed.
  const values = ranked.slice(0, COMPARED);
  const tail = ranked.length - values.length;
  const verdict = compare(values, ctx);
  if (tail > 0) verdict.reason += ` (${tail} less supported value${tail === 1 ? '' : 's'} not compared)`;
  return verdict;
}

/** Most values compared pair by pair in a verdict. */
const COMPARED = 20;

function compare(values: readonly FigureValue[], ctx: VerdictContext): Verdict {
  const all = pairs(values.length);
  const compat = values.map((v) => new Set(v.compatibleWith));
  const conflicts = all.filter(([i, j]) => !compat[i]!.has(j));
  const byAttribution = conflicts.filter(([i, j]) => attributionSplit(values[i]!, values[j]!));
  if (byAttribution.length > 0) {
    const parts = byAttribution.map(([i, j]) =>
      `${values[i]!.label} (${STANDING_WORDS[standing(values[i]!)]}) against ${values[j]!.label} (${STANDING_WORDS[standing(values[j]!)]})`);
    return { status: 'diverging', kind: 'attribution', reason: `official and unofficial figures differ: ${listPairs(parts)}${others(conflicts, byAttribution)}`, pairs: byAttribution };
  }
  const timed = (list: Array<[number, number]>) =>
    list.flatMap(([i, j]): Array<[number, number]> => {
      const o = timeOrder(values[i]!, values[j]!, ctx);
      return o === 0 ? [] : [o < 0 ? [i, j] : [j, i]];
    });
  const timeSource = conflicts.length > 0 ? conflicts : all;
  const byTime = timed(timeSource);
  if (byTime.length > 0) {
    const parts = byTime.map(([e, l]) => `${values[e]!.label} ${whenPhrase(values[e]!, ctx)}, then ${values[l]!.label} ${whenPhrase(values[l]!, ctx)}`);
    const overlap = conflicts.length === 0 ? ' (the ranges overlap)' : '';
    return { status: 'diverging', kind: 'time', reason: `the figure changed over time${overlap}: ${listPairs(parts)}${others(conflicts, byTime)}`, pairs: byTime };
  }
  if (conflicts.length > 0) {
    const parts = conflicts.map(([i, j]) =>
      `${values[i]!.label} (${values[i]!.independent} independent) against ${values[j]!.label} (${values[j]!.independent} independent)`);
    return { status: 'diverging', kind: 'source', reason: `sources disagree: ${listPairs(parts)}`, pairs: conflicts };
  }
  return { status: 'consistent', reason: `the values overlap: ${joinList(values.map((v) => v.label))}` };
}
