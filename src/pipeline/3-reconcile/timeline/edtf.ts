/** EDTF values as the stretch of days they cover, so vague and exact dates sort together. */

/** First and last day an EDTF value covers, as ISO dates; an open end is null. */
export interface DayRange {
  start: string | null;
  end: string | null;
}

const DATE = /^(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?$/;

// EDTF seasons (level 1): 21 spring, 22 summer, 23 autumn, 24 winter (northern hemisphere).
const SEASONS: Record<number, [number, number]> = { 21: [3, 5], 22: [6, 8], 23: [9, 11], 24: [12, 14] };

/** Days in a month (month 13, 14 roll into the next year, for winter). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' for a year, month (13, 14 roll over) and day. */
function iso(year: number, month: number, day: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The days one EDTF date (not an interval) covers, or null when it is not a form read here. */
function dateRange(value: string): { start: string; end: string } | null {
  const m = DATE.exec(value);
  if (m === null) return null;
  const [, y, mo, d] = m;
  // Unspecified digits ("199X", "19XX") cover every year they could be.
  const y0 = Number(y!.replace(/X/g, '0'));
  const y1 = Number(y!.replace(/X/g, '9'));
  if (mo === undefined || mo === 'XX' || y!.includes('X')) return { start: iso(y0, 1, 1), end: iso(y1, 12, 31) };
  const month = Number(mo);
  const season = SEASONS[month];
  if (season !== undefined) {
    if (d !== undefined) return null;
    return { start: iso(y0, season[0], 1), end: iso(y0, season[1], lastDay(y0, season[1])) };
  }
  if (month < 1 || month > 12) return null;
  if (d === undefined || d === 'XX') return { start: iso(y0, month, 1), end: iso(y0, month, lastDay(y0, month)) };
  const day = Number(d);
  if (day < 1 || day > lastDay(y0, month)) return null;
  return { start: iso(y0, month, day), end: iso(y0, month, day) };
}

/**
 * The days an EDTF value covers: `1992-02-25` one day, `1991-12` a month, `199X` a decade,
 * `1992-21` a season, `a/b` from a's first to b's last day (`..` or empty: open). The
 * uncertainty marks `~ ? %` are dropped. Null when the value is not a form read here.
 */
export function edtfRange(value: string): DayRange | null {
  const v = value.trim().replace(/[~?%]/g, '');
  if (v.includes('/')) {
    const [a, b] = v.split('/') as [string, string];
    const open = (s: string) => s === '' || s === '..';
    const from = open(a) ? null : dateRange(a);
    const to = open(b) ? null : dateRange(b);
    if ((!open(a) && from === null) || (!open(b) && to === null)) return null;
    return { start: from?.start ?? null, end: to?.end ?? null };
  }
  return dateRange(v);
}

/**
 * Sort order for EDTF values: by first day, then last day (the narrower first), then as text;
 * values not read here go last. `1991-12` < `1992` < `1992-02-25`, `199X` before `1991-12`.
 */
export function compareEdtf(a: string, b: string): number {
  return compareRanges(edtfRange(a), edtfRange(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Compares two day ranges (null ranges last; open starts first, open ends last). */
export function compareRanges(x: DayRange | null, y: DayRange | null): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const s = cmp(x.start ?? '', y.start ?? '');
  return s !== 0 ? s : cmp(x.end ?? '~', y.end ?? '~');
}

/** String order (ISO dates sort as text). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
