/** Extended Date/Time Format values: building, parsing and ordering them. */

/** Month numbers by name and abbreviation (lower case, no period). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};

/** Weekday numbers as `Date.getUTCDay()` gives them. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** True when year, month and day name a real calendar day. */
export function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** EDTF for a year, a month of a year or a day: `1992`, `1992-02`, `1992-02-26`. */
export function edtf(y: number, m?: number, d?: number): string {
  let s = pad(y, 4);
  if (m !== undefined) s += `-${pad(m)}`;
  if (m !== undefined && d !== undefined) s += `-${pad(d)}`;
  return s;
}

/** EDTF for a UTC date at day precision. */
export function edtfOfDate(date: Date): string {
  return edtf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A parsed EDTF value at the precision it states (decades and intervals not included). */
export interface EdtfParts {
  year: number;
  month?: number;
  day?: number;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (qualifiers `~?%` ignored); null otherwise. */
export function parseEdtf(value: string): EdtfParts | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?$/.exec(value.trim());
  if (!m) return null;
  const out: EdtfParts = { year: Number(m[1]) };
  if (m[2]) out.month = Number(m[2]);
  if (m[3]) out.day = Number(m[3]);
  if (out.month !== undefined && (out.month < 1 || out.month > 12)) return null;
  if (out.day !== undefined && !isValidDay(out.year, out.month!, out.day)) return null;
  return out;
}

/** The earliest and latest day an EDTF value can mean, as `YYYY-MM-DD` strings, for sorting and overlap. */
export function edtfBounds(value: string): { start: string; end: string } | null {
  const v = value.replace(/[~?%]/g, '');
  if (v.includes('/')) {
    const [a, b] = v.split('/');
    const ba = a && a !== '..' ? edtfBounds(a) : null;
    const bb = b && b !== '..' ? edtfBounds(b) : null;
    if (!ba && !bb) return null;
    return { start: ba?.start ?? '0000-01-01', end: bb?.end ?? '9999-12-31' };
  }
  const dec = /^(\d{2,3})X{1,2}$/.exec(v);
  if (dec) {
    const width = 4 - dec[1]!.length;
    const lo = Number(dec[1]) * 10 ** width;
    return { start: `${pad(lo, 4)}-01-01`, end: `${pad(lo + 10 ** width - 1, 4)}-12-31` };
  }
  const season = /^(\d{4})-(2[1-4])$/.exec(v);
  if (season) {
    const y = Number(season[1]);
    const q = Number(season[2]) - 21;
    const startMonth = [3, 6, 9, 12][q]!;
    return { start: edtf(y, startMonth, 1), end: q === 3 ? edtf(y + 1, 2, new Date(Date.UTC(y + 1, 2, 0)).getUTCDate()) : edtf(y, startMonth + 2, new Date(Date.UTC(y, startMonth + 2, 0)).getUTCDate()) };
  }
  const p = parseEdtf(v);
  if (!p) return null;
  if (p.day !== undefined) return { start: edtf(p.year, p.month, p.day), end: edtf(p.year, p.month, p.day) };
  if (p.month !== undefined) return { start: edtf(p.year, p.month, 1), end: edtf(p.year, p.month, new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()) };
  return { start: edtf(p.year, 1, 1), end: edtf(p.year, 12, 31) };
}

/** Orders EDTF values by their earliest day, then the narrower first (`1991-12` before `1992-02-25`). */
export function compareEdtf(a: string, b: string): number {
  const ba = edtfBounds(a);
  const bb = edtfBounds(b);
  if (!ba || !bb) return ba ? -1 : bb ? 1 : a.localeCompare(b);
  return ba.start.localeCompare(bb.start) || ba.end.localeCompare(bb.end);
}
