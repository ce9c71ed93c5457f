/**
 * How a value's range is written, everywhere (web app, CLI tables, CSV, printable report): in the
 * words that README "How numbers are read" (and gold/SCHEMA.md) read back to the same min, max and
 * approximate. Pure TypeScript with no imports, so the browser bundle can use it too.
 *
 * A count keeps only its bounds, not its wording: "at least 42" and "more than 41" both store
 * min 42 with an open max, and both read back to it. The formatter picks one reading that
 * round-trips: "more than N" when N is a round number (a multiple of ten, as people write
 * "more than 1,000" and "more than 120"), else "at least N+1"; likewise "fewer than N" for a
 * round N, else "up to N−1". The report's own words stay in each count's `quote`.
 */

/** The least a range needs: its bounds and whether it was stated loosely. */
export interface RangeLike {
  min: number | null;
  max: number | null;
  approximate?: boolean;
}

/** The vague words whose bounds the reading table gives (`dozens` is 24–99, read as approximate). */
export const VAGUE_WORDS: ReadonlyArray<{ word: string; min: number; max: number }> = [
  { word: 'dozens', min: 24, max: 99 },
  { word: 'scores', min: 40, max: 99 },
  { word: 'hundreds', min: 200, max: 999 },
  { word: 'thousands', min: 2_000, max: 9_999 },
  { word: 'tens of thousands', min: 20_000, max: 99_999 },
  { word: 'hundreds of thousands', min: 200_000, max: 999_999 },
  { word: 'millions', min: 2_000_000, max: 9_999_999 },
];

/** 1275 → "1,275": one fixed format, whatever the reports wrote. */
export function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** True for 10, 50, 1000: the numbers "more than N" and "fewer than N" are said with. */
function round(n: number): boolean {
  return n >= 10 && n % 10 === 0;
}

/**
 * "613", "about 150", "at least 42", "more than 1,000", "up to 300", "nearly 300", "fewer than 300",
 * "between 200 and 300", "hundreds", "about 150 or more"; "an unstated number" when both sides are open.
 */
export function formatRange(r: RangeLike): string {
  const { min, max } = r;
  const about = r.approximate === true;
  const n = formatNumber;
  if (min === null && max === null) return 'an unstated number';
  if (min !== null && max !== null) {
    if (min === max) return about ? `about ${n(min)}` : n(min);
    const vague = VAGUE_WORDS.find((v) => v.min === min && v.max === max);
    if (vague && about) return vague.word;
    // The reader knows no wording for a loose range; "about 200 to 300" reads back its bounds.
    return about ? `about ${n(min)} to ${n(max)}` : `between ${n(min)} and ${n(max)}`;
  }
  if (min !== null) {
    // "more than 1,000" is min 1001; "at least 42" is min 42.
    if (about) return `about ${n(min)} or more`;
    return round(min - 1) ? `more than ${n(min - 1)}` : `at least ${n(min)}`;
  }
  const m = max!;
  // "nearly 300" is max 300, approximate; "fewer than 300" is max 299.
  if (about) return `nearly ${n(m)}`;
  return round(m + 1) ? `fewer than ${n(m + 1)}` : `up to ${n(m)}`;
}

/** A range with its unit when the unit is not people: "8 families", "613". */
export function formatRangeWithUnit(r: RangeLike & { unit?: string }): string {
  const s = formatRange(r);
  return r.unit && r.unit !== 'people' ? `${s} ${r.unit}` : s;
}

/** A number of things with its noun: "1 review", "2 reviews", "1,275 reports". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** An ISO timestamp as people read it, to the minute: "2024-02-26 14:05 UTC"; anything else as given. */
export function formatTimestamp(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::[\d.]+)?(Z|[+-]00:?00)?$/.exec(iso);
  return m ? `${m[1]} ${m[2]}${m[3] ? ' UTC' : ''}` : iso;
}
