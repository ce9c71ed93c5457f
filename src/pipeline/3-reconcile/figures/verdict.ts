/** A figure's verdict: consistent, or diverging by attribution, by time, or source against source. */
import { edtfRange, type DayRange } from '../timeline/edtf.js';
import type { CountRef, FigureValue, Verdict } from '../types.js';
import { standingOf as standing, supportClauses, sourcesPhrase } from './wording.js';

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
  /** A count stated as the figure before or after a revision ("rose from 300 to 412"; see `CountWhat.revision`). */
  revision?(ref: CountRef): 'earlier' | 'later' | 'risen' | 'fallen' | undefined;
  /**
   * True for a toll that only grows as the dead and injured are found: a higher value in reports
   * published `minRiseDays` (default 5) after every report of the lower one is its later state.
   */
  rising?: boolean;
  /** The time a count's sentence says the figure speaks of, as EDTF ("as of Tuesday"; see `CountWhat.asOf`). */
  asOf?(ref: CountRef): string | undefined;
  minRiseDays?: number;
}

const DAY = 86_400_000;

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

/** How a count is stated as a revised figure (see `CountWhat.revision`). */
type Changed = 'later' | 'risen' | 'fallen';

/** The value's revision marks: counts stated as the earlier figure of a change, and counts stated as a changed figure. */
interface Marks {
  earlier: boolean;
  changed: Array<{ ref: CountRef; how: Changed }>;
}

function marksOf(v: FigureValue, ctx: VerdictContext): Marks {
  const out: Marks = { earlier: false, changed: [] };
  if (ctx.revision === undefined) return out;
  for (const ref of v.counts) {
    const m = ctx.revision(ref);
    if (m === 'earlier') out.earlier = true;
    else if (m !== undefined) out.changed.push({ ref, how: m });
  }
  return out;
}

/** Latest publication end among some counts' reports, or null when any is undated. */
function latestEnd(refs: readonly CountRef[], ctx: VerdictContext): string | null {
  let latest: string | null = null;
  for (const r of refs) {
    const end = ctx.published(r.doc)?.range.end ?? null;
    if (end === null) return null;
    if (latest === null || end > latest) latest = end;
  }
  return latest;
}

/**
 * True when a report's words put `b` after `a`: "rose from 300 to 412" (a the earlier figure,
 * b the changed one); "the toll rose to 61" or "a higher figure than first reported" (b risen,
 * a lower, stated in other reports none published after b's); "corrected to 2,314" (b changed,
 * a stated only in reports published before b's).
 */
function follows(a: FigureValue, x: Marks, b: FigureValue, y: Marks, ctx: VerdictContext): boolean {
  if (y.changed.length === 0 || x.changed.length > 0) return false;
  if (x.earlier) return true;
  const docs = new Set(y.changed.map((m) => m.ref.doc));
  if (a.reports.some((d) => docs.has(d))) return false;
  const latest = latestEnd(y.changed.map((m) => m.ref), ctx);
  const starts = a.reports.map((d) => ctx.published(d)?.range.start ?? null);
  const risen = y.changed.some((m) => m.how === 'risen') && below(a, b);
  const fallen = y.changed.some((m) => m.how === 'fallen') && below(b, a);
  if (risen || fallen) return latest !== null && starts.every((st) => st !== null && st <= latest);
  if (!y.changed.some((m) => m.how === 'later')) return false;
  return latest !== null && starts.every((st) => st !== null && st < latest);
}

/** How a report's own words order two values (see `follows`): -1 when `a` comes first, 1 when `b` does, else 0. */
function revisionOrder(a: FigureValue, b: FigureValue, ctx: VerdictContext): number {
  const x = marksOf(a, ctx);
  const y = marksOf(b, ctx);
  if (follows(a, x, b, y, ctx)) return -1;
  if (follows(b, y, a, x, ctx)) return 1;
  return 0;
}

/** The span of days every count of a value says it speaks of ("as of Tuesday"), or null when any count says none. */
function asOfSpan(v: FigureValue, ctx: VerdictContext): { start: string; end: string } | null {
  if (ctx.asOf === undefined) return null;
  let start: string | null = null;
  let end: string | null = null;
  for (const r of v.counts) {
    const value = ctx.asOf(r);
    const range = value === undefined ? null : edtfRange(value);
    if (range === null || range.start === null || range.end === null) return null;
    if (start === null || range.start < start) start = range.start;
    if (end === null || range.end > end) end = range.end;
  }
  return start === null || end === null ? null : { start, end };
}

/** "40 as of Tuesday", then "61 as of Friday": values whose stated times do not overlap, in that order. */
function asOfOrder(a: FigureValue, b: FigureValue, ctx: VerdictContext): number {
  const x = asOfSpan(a, ctx);
  const y = asOfSpan(b, ctx);
  if (x === null || y === null) return 0;
  return x.end < y.start ? -1 : y.end < x.start ? 1 : 0;
}

/** True when the lower of two values lies wholly below the other. */
function below(a: FigureValue, b: FigureValue): boolean {
  return a.max !== null && b.min !== null && a.max < b.min;
}

/**
 * -1 when `a` comes first in time, 1 when `b` does, else 0: as a report's words say (see
 * `revisionOrder`); else when every report of one was published well before every report of
 * the other; else, for a rising toll, when the higher value's reports all follow the lower's by
 * `minRiseDays`. Reports a day apart are not a change over time but two sources, hence the gaps.
 */
function timeOrder(a: FigureValue, b: FigureValue, ctx: VerdictContext): number {
  const said = revisionOrder(a, b, ctx) || asOfOrder(a, b, ctx);
  if (said !== 0) return said;
  const x = publicationSpan(a, ctx);
  const y = publicationSpan(b, ctx);
  if (x === null || y === null) return 0;
  const gap = ctx.minGapDays ?? 30;
  if (after(x.last, y.first, gap)) return -1;
  if (after(y.last, x.first, gap)) return 1;
  if (ctx.rising) {
    const rise = ctx.minRiseDays ?? 5;
    if (below(a, b) && after(x.last, y.first, rise)) return -1;
    if (below(b, a) && after(y.last, x.first, rise)) return 1;
  }
  return 0;
}

/** "in 2 reports published 2018-03 to 2018-05", "as of 2018-03-02 in a report published 2018-03-05"; without dates, "in 2 reports". */
function whenPhrase(v: FigureValue, ctx: VerdictContext): string {
  const n = v.reports.length;
  const stated = asOfSpan(v, ctx);
  const as = stated === null ? '' : `as of ${stated.start === stated.end ? stated.start : `${stated.start} to ${stated.end}`} `;
  const where = `${as}in ${n === 1 ? 'a report' : `${n} reports`}`;
  const s = publicationSpan(v, ctx);
  if (s === null) return where;
  const span = s.first.value === s.last.value ? s.first.value : `${s.first.value} to ${s.last.value}`;
  return `${where} published ${span}`;
}

/** Most pairs a reason spells out; the rest are counted (all stay in `pairs`). */
const LISTED = 4;

/** "a; b; c; d and 6 more pairs": the first pairs in words, then how many more. */
function listPairs(parts: readonly string[]): string {
  const rest = parts.length - LISTED;
  return rest > 0 ? `${parts.slice(0, LISTED).join('; ')}; and ${rest} more pair${rest === 1 ? '' : 's'}` : parts.join('; ');
}

/** ". Other conflicting values: 1 independent source gives up to 12 (…); 1 gives 70 (…)", for conflicts the named kind does not cover. */
function others(values: readonly FigureValue[], conflicts: Array<[number, number]>, covered: Array<[number, number]>): string {
  const key = ([i, j]: [number, number]) => (i < j ? `${i},${j}` : `${j},${i}`);
  const seen = new Set(covered.map(key));
  const rest = conflicts.filter((p) => !seen.has(key(p)));
  return rest.length === 0 ? '' : `. Other conflicting values: ${involved(values, rest)}`;
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
  if (ranked.length === 1) return { status: 'consistent', reason: `every count gives ${ranked[0]!.label} (${sourcesPhrase(ranked[0]!)})` };
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
    return { status: 'diverging', kind: 'attribution', reason: `official and unofficial figures differ: ${involved(values, byAttribution)}${others(values, conflicts, byAttribution)}`, pairs: byAttribution };
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
    return { status: 'diverging', kind: 'time', reason: `the figure changed over time${overlap}: ${listPairs(parts)}${others(values, conflicts, byTime)}`, pairs: byTime };
  }
  if (conflicts.length > 0) {
    return { status: 'diverging', kind: 'source', reason: `sources disagree: ${involved(values, conflicts)}`, pairs: conflicts };
  }
  return { status: 'consistent', reason: `the values overlap: ${supportClauses(values)}` };
}

/** The values some pair names, in rank order, each with who gives it (see `supportClauses`). */
function involved(values: readonly FigureValue[], list: ReadonlyArray<[number, number]>): string {
  const named = new Set(list.flat());
  return supportClauses(values.filter((_, i) => named.has(i)));
}
