/** Reads the date shapes reports and metadata use, as EDTF (`2024-02-26`, `2024-02`, `2024`). */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec',
];

// Capitalised or all-caps only: "may 2024" in running text is a verb far more often than a month.
const MONTH = `(?:${MONTH_NAMES.flatMap((m) => [m, m.toUpperCase()]).join('|')})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})(?!\\d)';

/** "26 February 2024", "26th of Feb. 2024", "Mon, 26 Feb 2024" */
const DMY = new RegExp(`(?<![\\d.])${DAY}\\s+(?:of\\s+)?(${MONTH})\\.?,?\\s+${YEAR}`, 'gu');
/** "February 26, 2024", "Feb. 26 2024", "FEB 26, 2024" */
const MDY = new RegExp(`\\b(${MONTH})\\.?\\s+${DAY},?\\s+${YEAR}`, 'gu');
/** "2024-02-26" (and the date part of "2024-02-26T10:00:00Z") */
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
/** "February 2024" */
const MY = new RegExp(`\\b(${MONTH})\\.?,?\\s+${YEAR}`, 'gu');
/** "Feb. 26" with no year, as datelines give it */
const MD = new RegExp(`\\b(${MONTH})\\.?\\s+${DAY}\\b(?!,?\\s+\\d)`, 'u');

/** A full date found in text: its EDTF value and where it stands. */
export interface FoundDate {
  value: string;
  index: number;
  end: number;
}

/** The month number of a month name or abbreviation ("Sept." → 9), or undefined. */
export function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The EDTF day `YYYY-MM-DD`, or undefined when no such day exists (31 April, 29 February 2023). */
export function edtfDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The EDTF month `YYYY-MM`, or undefined when the month is out of range. */
export function edtfMonth(year: number, month: number): string | undefined {
  return month >= 1 && month <= 12 ? `${year}-${pad(month)}` : undefined;
}

/** Every full date (day, month and year) in `text`, in reading order. */
export function findFullDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (value: string | undefined, m: RegExpExecArray): void => {
    if (value && !found.some((f) => f.index < m.index + m[0].length && m.index < f.end)) {
      found.push({ value, index: m.index, end: m.index + m[0].length });
    }
  };
  for (const m of text.matchAll(DMY)) add(edtfDay(+m[3], monthNumber(m[2]) ?? 0, +m[1]), m);
  for (const m of text.matchAll(MDY)) add(edtfDay(+m[3], monthNumber(m[1]) ?? 0, +m[2]), m);
  for (const m of text.matchAll(ISO)) add(edtfDay(+m[1], +m[2], +m[3]), m);
  return found.sort((a, b) => a.index - b.index);
}

/** A month and day with no year ("Feb. 26"), as a dateline gives it; undefined when absent. */
export function findMonthDay(text: string): { month: number; day: number } | undefined {
  const m = MD.exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[1]);
  const day = +m[2];
  return month && day >= 1 && day <= 31 ? { month, day } : undefined;
}

/**
 * Reads a date written as metadata (ISO, "26 February 2024", "Feb. 26, 2024", RFC 2822,
 * "February 2024", "2024") as EDTF. The day is taken as written, never shifted to UTC:
 * `2024-02-26T23:30:00-05:00` was published on the 26th where it was published.
 */
export function toEdtf(value: string): string | undefined {
  const s = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) {
    if (iso[3]) return edtfDay(+iso[1], +iso[2], +iso[3]);
    if (iso[2]) return edtfMonth(+iso[1], +iso[2]);
    return iso[1];
  }
  const slashed = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(s);
  if (slashed) return edtfDay(+slashed[1], +slashed[2], +slashed[3]);
  // A full date that does not exist (29 February 2023) is an error, not a month to fall back on.
  if (new RegExp(DMY.source, 'u').test(s) || new RegExp(MDY.source, 'u').test(s)) return findFullDates(s)[0]?.value;
  const my = new RegExp(MY.source, 'u').exec(s);
  if (my) return edtfMonth(+my[2], monthNumber(my[1]) ?? 0);
  return undefined;
}

/** True for the EDTF values a person may write in a sidecar: `2024-02-26`, `2024-02`, `2024`, `199X`, `2024-02-26?`, intervals. */
export function isEdtf(value: string): boolean {
  const one = '(?:\\d{4}|\\d{3}X|\\d{2}XX)(?:-\\d{2}(?:-\\d{2})?)?[?~%]?';
  return new RegExp(`^(?:${one}|${one}/${one}|${one}/\\.\\.|\\.\\./${one})$`).test(value);
}
