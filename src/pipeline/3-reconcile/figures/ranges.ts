/** Counts as intervals: when two values can both be true, and how to say a value in words. */
import { VAGUE } from '../../../nlp/numbers.js';

/** The least a value needs to be compared: its bounds and whether it was stated loosely. */
export interface Bounds {
  min: number | null;
  max: number | null;
  approximate?: boolean;
}

/** A closed interval; an open side is 0 or Infinity. */
export interface Interval {
  lo: number;
  hi: number;
}

/**
 * The interval a value allows. An approximate value ("about 600") is widened by `tolerance`
 * on its stated sides, since "about 600" does not contradict 613.
 */
export function intervalOf(b: Bounds, tolerance = 0.1): Interval {
  const widen = b.approximate === true ? tolerance : 0;
  const lo = b.min === null ? 0 : Math.floor(b.min * (1 - widen));
  const hi = b.max === null ? Infinity : Math.ceil(b.max * (1 + widen));
  return { lo, hi };
}

/** Both values can hold at once: their intervals overlap ("hundreds" and 613 do; "more than 1,000" and 487 do not). */
export function compatible(a: Bounds, b: Bounds, tolerance = 0.1): boolean {
  const x = intervalOf(a, tolerance);
  const y = intervalOf(b, tolerance);
  return x.lo <= y.hi && y.lo <= x.hi;
}

/** True when every number `a` allows is above every number `b` allows. */
export function definitelyAbove(a: Bounds, b: Bounds): boolean {
  return intervalOf(a, 0).lo > intervalOf(b, 0).hi;
}

/** The same (min, max) pair: the identity of a distinct value. */
export function boundsKey(b: Bounds): string {
  return `${b.min ?? ''}..${b.max ?? ''}`;
}

/** 1275 → "1,275": one fixed format, whatever the reports wrote. */
export function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** True for 10, 50, 1000: numbers that "more than N" and "fewer than N" are said with. */
function round(n: number): boolean {
  return n >= 10 && n % 10 === 0;
}

/** The vague word whose range SCHEMA.md gives exactly these bounds ("hundreds" for 200–999). */
function vagueWord(min: number, max: number): string | null {
  let best: string[] | null = null;
  for (const v of VAGUE) {
    if (v.min === min && v.max === max && (best === null || v.words.length < best.length)) best = v.words;
  }
  return best === null ? null : best.join(' ');
}

/** A value in words: "613", "about 150", "hundreds", "more than 1,000", "up to 300", "200–300". */
export function rangeLabel(b: Bounds): string {
  const { min, max } = b;
  if (min === null && max === null) return 'an unstated number';
  if (min !== null && max !== null) {
    if (min === max) return b.approximate === true ? `about ${formatNumber(min)}` : formatNumber(min);
    return vagueWord(min, max) ?? `${formatNumber(min)}–${formatNumber(max)}`;
  }
  if (min !== null) return round(min - 1) ? `more than ${formatNumber(min - 1)}` : `at least ${formatNumber(min)}`;
  const m = max!;
  if (round(m + 1)) return `fewer than ${formatNumber(m + 1)}`;
  return b.approximate === true ? `nearly ${formatNumber(m)}` : `up to ${formatNumber(m)}`;
}
