/** Scales for the divergence charts: numbers (linear, or log when values span orders of magnitude) and days. */
import type { DataKind } from '../types.ts';

/** A value's bounds as a chart needs them. */
export interface Bounds {
  min: number | null;
  max: number | null;
}

/** Maps a number to [0, 1] of the axis; `kind` and `domain` are written on the chart for tests and readers. */
export interface Scale {
  kind: 'linear' | 'log';
  domain: [number, number];
  at: (v: number) => number;
  ticks: number[];
}

/** Values spanning more than this ratio are drawn on a log axis ("dozens" beside "3,000"). */
const LOG_RATIO = 20;

/** The stated numbers of every value (open sides left out). */
function stated(values: Bounds[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (v.min !== null) out.push(v.min);
    if (v.max !== null) out.push(v.max);
  }
  return out;
}

/** 1, 2, 5, 10, 20, 50 … steps giving about `n` ticks over [lo, hi]. */
function niceTicks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / n;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(Math.round(t * 1e6) / 1e6);
  return out;
}

/**
 * The scale for `values`: from 0 (or, on a log axis, the least stated number) to a little past
 * the largest, so open ends ("more than 120") have room for their arrow.
 */
export function valueScale(values: Bounds[]): Scale {
  const nums = stated(values);
  if (nums.length === 0) return { kind: 'linear', domain: [0, 1], at: () => 0.5, ticks: [] };
  const least = Math.min(...nums);
  const most = Math.max(...nums);
  if (least > 0 && most / least > LOG_RATIO) {
    const lo = 10 ** Math.floor(Math.log10(least));
    const hi = 10 ** Math.ceil(Math.log10(most * 1.2));
    const at = (v: number) => (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    const ticks: number[] = [];
    for (let t = lo; t <= hi; t *= 10) ticks.push(t);
    return { kind: 'log', domain: [lo, hi], at, ticks };
  }
  const hi = most === 0 ? 1 : most * 1.15;
  return { kind: 'linear', domain: [0, hi], at: (v) => v / hi, ticks: niceTicks(0, hi) };
}

/** Lanes so no two intervals on one lane overlap (`gap` in axis fractions); returns each item's lane. */
export function lanes(spans: Array<[number, number]>, gap = 0.02): number[] {
  const order = spans.map((s, i) => i).sort((a, b) => spans[a]![0] - spans[b]![0]);
  const ends: number[] = [];
  const lane = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const [lo, hi] = spans[i]!;
    let k = ends.findIndex((e) => e + gap <= lo);
    if (k < 0) { k = ends.length; ends.push(hi); } else ends[k] = hi;
    lane[i] = k;
  }
  return lane;
}

/** How a value is attributed, for its colour: official or unofficial data, another named source, or none. */
export type AttributionClass = 'official' | 'unofficial' | 'named' | 'unattributed';

/** The class a value is drawn in: official before unofficial before a named source; unattributed when nobody is named. */
export function attributionClass(v: { kinds: DataKind[]; attributions: string[] }): AttributionClass {
  if (v.kinds.includes('official')) return 'official';
  if (v.kinds.includes('unofficial')) return 'unofficial';
  return v.attributions.length > 0 ? 'named' : 'unattributed';
}

/** Legend words for each class. */
export const CLASS_NAMES: Record<AttributionClass, string> = {
  official: 'official data', unofficial: 'unofficial data', named: 'a named source', unattributed: 'no source named',
};

/** The day an EDTF date starts on, in days since 1970 (UTC); null when it has no readable year. */
export function dayOf(edtf: string | null | undefined): number | null {
  const m = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(edtf ?? '');
  if (!m) return null;
  const month = m[2] && Number(m[2]) <= 12 ? Number(m[2]) - 1 : 0;
  return Math.floor(Date.UTC(Number(m[1]), month, m[3] ? Number(m[3]) : 1) / 86_400_000);
}

/** "2021-06-14" for a day number. */
export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
